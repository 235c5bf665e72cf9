import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  enablementBundles,
  occurrenceAttendance,
  people,
  readinessLinks,
  releaseDecisions,
  releaseSignOffs,
  releases,
  ritualOccurrences,
} from '../../db/schema/index.ts';
import { SIGNOFF_LABELS, type SignOffKind } from '../../domain/releases/gate.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { TDecisionInput } from '../../shared/releases.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { sha256 } from '../auth/tokens.ts';
import { getSettings } from '../org/settings.ts';
import { readinessLines, updateReadinessMessages } from '../slack/readiness-messages.ts';
import { followShares } from '../slack/shares.ts';
import { emitReleaseStatus, watchGate } from '../webhooks/events.ts';
import { getRelease } from './releases.ts';
import { readinessOccurrence, replanRelease, tierRule } from './schedule.ts';

export async function listSignOffs(db: Db, releaseId: string) {
  const rows = await db.select().from(releaseSignOffs).where(eq(releaseSignOffs.releaseId, releaseId));
  return rows.map((s) => ({
    kind: s.kind,
    label: SIGNOFF_LABELS[s.kind],
    personId: s.personId,
    by: s.byLabel,
    note: s.note,
    ready: s.ready,
    at: s.at.toISOString(),
  }));
}

export interface SignOffOptions {
  actor: Actor;
  releaseId: string;
  kind: SignOffKind;
  note?: string;
  /** false: not ready, because `note`. */
  ready?: boolean;
  now: Date;
}

/** Records (or re-records) a confirmation; the latest one of each kind counts. */
export async function signOff(opts: SignOffOptions & { db: Db }) {
  return opts.db.transaction(async (tx) => (await answerReadiness(tx, opts)).signOffs);
}

/**
 * Records a readiness answer inside the caller's transaction. The same person giving the same answer again (a
 * retried Slack click, a link opened twice) changes nothing and writes no audit entry: `changed` says which.
 */
export async function answerReadiness(tx: Db, opts: SignOffOptions) {
  const release = await getRelease(tx, opts.releaseId);
  if (!release) throw notFound('release');
  await checkSignOffOpen(tx, release, opts.kind);
  const ready = opts.ready ?? true;
  const note = opts.note ?? '';
  const [current] = await tx
    .select()
    .from(releaseSignOffs)
    .where(and(eq(releaseSignOffs.releaseId, release.id), eq(releaseSignOffs.kind, opts.kind)));
  const same =
    current && current.personId === opts.actor.personId && current.ready === ready && current.note === note;
  if (!same) {
    const values = { personId: opts.actor.personId, byLabel: opts.actor.label, note, ready, at: opts.now };
    await tx
      .insert(releaseSignOffs)
      .values({ releaseId: release.id, kind: opts.kind, ...values })
      .onConflictDoUpdate({ target: [releaseSignOffs.releaseId, releaseSignOffs.kind], set: values });
    await recordAudit(tx, {
      actor: opts.actor,
      action: ready ? 'release.sign_off' : 'release.sign_off.not_ready',
      entityType: 'release',
      entityId: release.id,
      change: { kind: opts.kind, note, ready },
    });
    await watchGate(tx, [release.id], opts.now);
  }
  const signOffs = await listSignOffs(tx, release.id);
  // The Slack messages people answered from show the new answer too, wherever it was given.
  if (!same)
    await updateReadinessMessages(tx, {
      releaseId: release.id,
      releaseTitle: release.title,
      lines: readinessLines(signOffs),
      personId: opts.actor.personId ?? null,
      now: opts.now,
    });
  return { changed: !same, release, signOffs };
}

/** Readiness of people who need the bundle is confirmed against it. */
const NEEDS_BUNDLE: readonly SignOffKind[] = ['support', 'sales', 'training'];

/**
 * Readiness is said before launch, and (for Support, Sales and training) about a bundle people received:
 * afterwards, or before it was distributed, nothing is recorded and the answer says why.
 */
async function checkSignOffOpen(
  tx: Db,
  release: { id: string; title: string; status: string; launchedOn: string | null },
  kind: SignOffKind,
): Promise<void> {
  if (release.status === 'launched' || release.status === 'rolled_back')
    throw new AppError(
      'conflict',
      `${release.title} already launched${release.launchedOn ? ` on ${dayText(release.launchedOn)}` : ''}: readiness is recorded before launch, so nothing was recorded`,
    );
  if (!NEEDS_BUNDLE.includes(kind)) return;
  const [bundle] = await tx
    .select({ distributedAt: enablementBundles.distributedAt })
    .from(enablementBundles)
    .where(eq(enablementBundles.releaseId, release.id));
  if (!bundle?.distributedAt)
    throw new AppError(
      'conflict',
      `the enablement bundle for ${release.title} has not been distributed yet: "${SIGNOFF_LABELS[kind]}" can be confirmed once people have it`,
    );
}

export async function withdrawSignOff(opts: {
  db: Db;
  actor: Actor;
  releaseId: string;
  kind: SignOffKind;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const removed = await tx
      .delete(releaseSignOffs)
      .where(and(eq(releaseSignOffs.releaseId, opts.releaseId), eq(releaseSignOffs.kind, opts.kind)))
      .returning();
    if (!removed.length) throw notFound('sign-off');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.sign_off.withdraw',
      entityType: 'release',
      entityId: opts.releaseId,
      change: { kind: opts.kind, was: removed[0]!.byLabel },
    });
    await watchGate(tx, [opts.releaseId], opts.now);
    const release = await getRelease(tx, opts.releaseId);
    if (release)
      await updateReadinessMessages(tx, {
        releaseId: release.id,
        releaseTitle: release.title,
        lines: readinessLines(await listSignOffs(tx, release.id)),
        personId: opts.actor.personId ?? null,
        now: opts.now,
      });
  });
}

/** What a one-click readiness link is for (the page shows it before and after confirming). */
export async function readinessLink(db: Db, token: string) {
  const [row] = await db
    .select({
      link: readinessLinks,
      title: releases.title,
      targetDate: releases.targetDate,
      name: people.name,
    })
    .from(readinessLinks)
    .innerJoin(releases, eq(releases.id, readinessLinks.releaseId))
    .innerJoin(people, eq(people.id, readinessLinks.personId))
    .where(eq(readinessLinks.tokenHash, sha256(token)));
  if (!row)
    throw new AppError('not_found', 'this readiness link is not valid (the release may have been removed)');
  return row;
}

/** The link is the credential: it confirms readiness for its person and function only. */
export async function confirmByLink(db: Db, token: string, now: Date) {
  const row = await readinessLink(db, token);
  const actor: Actor = {
    personId: row.link.personId,
    label: `${row.name} (one-click link)`,
    roles: ['stakeholder'],
  };
  await signOff({ db, actor, releaseId: row.link.releaseId, kind: row.link.kind, now });
  await db
    .update(readinessLinks)
    .set({ usedAt: now })
    .where(eq(readinessLinks.tokenHash, row.link.tokenHash));
  return {
    releaseId: row.link.releaseId,
    title: row.title,
    targetDate: row.targetDate,
    kind: row.link.kind,
    person: row.name,
    confirmed: true,
  };
}

export async function listDecisions(db: Db, releaseId: string) {
  const rows = await db
    .select()
    .from(releaseDecisions)
    .where(eq(releaseDecisions.releaseId, releaseId))
    .orderBy(desc(releaseDecisions.at));
  return rows.map((d) => ({
    id: d.id,
    decision: d.decision,
    reason: d.reason,
    by: d.byLabel,
    personId: d.personId,
    newTargetDate: d.newTargetDate,
    at: d.at.toISOString(),
  }));
}

const STATUS_OF = { ship: 'go', hold: 'hold', delay: 'delay' } as const;

/**
 * Go/no-go: recorded with who and why; ship → go, hold → hold, delay → delay with a new launch date (every
 * deadline is recomputed). For Tier 3 the decision is the Launch Readiness Check's output artifact.
 */
export async function recordDecision(opts: {
  db: Db;
  actor: Actor;
  releaseId: string;
  input: TDecisionInput;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const now = opts.now;
    const release = await getRelease(tx, opts.releaseId);
    if (!release) throw notFound('release');
    if (release.status === 'launched' || release.status === 'rolled_back')
      throw invalid([
        { path: 'decision', message: `the release is already ${release.status.replace('_', ' ')}` },
      ]);
    await tx.insert(releaseDecisions).values({
      releaseId: release.id,
      decision: opts.input.decision,
      reason: opts.input.reason,
      personId: opts.actor.personId,
      byLabel: opts.actor.label,
      newTargetDate: opts.input.newTargetDate ?? null,
      at: now,
    });
    await tx
      .update(releases)
      .set({
        status: STATUS_OF[opts.input.decision],
        ...(opts.input.newTargetDate ? { targetDate: opts.input.newTargetDate } : {}),
        updatedAt: now,
      })
      .where(eq(releases.id, release.id));
    await emitReleaseStatus(tx, release.status, (await getRelease(tx, release.id))!, now);
    await markReadinessHeld(tx, release.id, release.tier, now);
    await replanRelease(tx, release.id, now);
    await followShares(tx, 'release', release.id, now);
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.decision',
      entityType: 'release',
      entityId: release.id,
      change: { ...opts.input, from: release.targetDate },
    });
    return listDecisions(tx, release.id);
  });
}

/** The decision is the Launch Readiness Check's artifact: the occurrence counts as held, its artifact produced. */
async function markReadinessHeld(tx: Db, releaseId: string, tier: number | null, now: Date) {
  const settings = await getSettings(tx);
  if (tierRule(settings, tier)?.readinessCheck !== 'meeting') return;
  const occ = await readinessOccurrence(tx, releaseId);
  if (!occ || occ.o.artifactProducedAt) return;
  await tx
    .update(ritualOccurrences)
    .set({ status: 'held', artifactProducedAt: now, artifactRef: `/releases/${releaseId}`, updatedAt: now })
    .where(eq(ritualOccurrences.id, occ.o.id));
  // Whoever signed off took part in the check.
  const present = await tx
    .select({ personId: releaseSignOffs.personId })
    .from(releaseSignOffs)
    .where(eq(releaseSignOffs.releaseId, releaseId));
  const ids = [...new Set(present.flatMap((p) => (p.personId ? [p.personId] : [])))];
  if (ids.length)
    await tx
      .insert(occurrenceAttendance)
      .values(ids.map((personId) => ({ occurrenceId: occ.o.id, personId, present: true })))
      .onConflictDoNothing();
}
