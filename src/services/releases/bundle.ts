import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { artifactVersions, enablementBundles, people } from '../../db/schema/index.ts';
import { describeTier } from '../../domain/releases/attributes.ts';
import {
  type BundleSections,
  bundleChecklist,
  missingSections,
  renderBundle,
} from '../../domain/releases/bundle.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { todayIn } from '../../shared/calendar.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { TBundleInput } from '../../shared/releases.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { publishArtifactVersion } from '../artifacts.ts';
import { recordAudit } from '../audit.ts';
import { finishHold, type Hold, openHold } from '../broadcasts/hold.ts';
import { enqueueMessage, type Recipient } from '../delivery/outbox.ts';
import { resolveRecipients } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import { emitEvent, watchGate } from '../webhooks/events.ts';
import { artifactData, releaseData } from '../webhooks/payloads.ts';
import type { BundleReleaseUndo } from './bundle-undo.ts';
import { getRelease, type ReleaseView } from './releases.ts';
import { replanRelease, tierRule } from './schedule.ts';

export const ENABLEMENT_BUNDLE = 'enablement_bundle';
type Stage = 'distribution' | 'publication';

export type BundleRow = typeof enablementBundles.$inferSelect;

export async function bundleRow(db: Db, releaseId: string): Promise<BundleRow | null> {
  const [row] = await db.select().from(enablementBundles).where(eq(enablementBundles.releaseId, releaseId));
  return row ?? null;
}

async function bundleVersions(db: Db, releaseId: string) {
  return db
    .select({
      version: artifactVersions.version,
      title: artifactVersions.title,
      json: artifactVersions.json,
      publishedAt: artifactVersions.publishedAt,
      publishedBy: artifactVersions.publishedBy,
    })
    .from(artifactVersions)
    .where(and(eq(artifactVersions.kind, ENABLEMENT_BUNDLE), eq(artifactVersions.key, releaseId)))
    .orderBy(desc(artifactVersions.version));
}

export function requiredSectionsOf(settings: TSettings, tier: number | null) {
  return tierRule(settings, tier)?.requiredSections ?? [];
}

/** The draft, its checklist for the release's tier, and every distributed or published version. */
export async function getBundle(
  db: Db,
  release: ReleaseView,
  pre?: { settings: TSettings; row: BundleRow | null },
) {
  const settings = pre?.settings ?? (await getSettings(db));
  const row = pre ? pre.row : await bundleRow(db, release.id);
  const sections = (row?.sections ?? {}) as BundleSections;
  const versions = await bundleVersions(db, release.id);
  return {
    sections,
    checklist: bundleChecklist(sections, requiredSectionsOf(settings, release.tier)),
    markdown: renderBundle({
      title: release.title,
      tier: (release.tier ?? 1) as 1 | 2 | 3,
      targetDate: release.targetDate,
      pmName: release.pmOwnerName ?? 'Unassigned',
      engName: release.engOwnerName,
      sections,
    }),
    distributedOn: row?.distributedOn ?? null,
    publishedOn: row?.publishedOn ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      stage: (v.json as { stage: Stage }).stage,
      publishedAt: v.publishedAt.toISOString(),
      publishedBy: v.publishedBy,
    })),
  };
}

/** Saves the draft: given sections replace theirs, an empty string clears one, others stay. */
export async function saveBundle(opts: {
  db: Db;
  actor: Actor;
  releaseId: string;
  input: TBundleInput;
  now: Date;
}) {
  return opts.db.transaction(async (tx) => {
    const release = await getRelease(tx, opts.releaseId);
    if (!release) throw notFound('release');
    const current = ((await bundleRow(tx, release.id))?.sections ?? {}) as BundleSections;
    const sections: BundleSections = { ...current };
    for (const [key, text] of Object.entries(opts.input.sections) as [keyof BundleSections, string][]) {
      if (text.trim()) sections[key] = text;
      else delete sections[key];
    }
    await tx
      .insert(enablementBundles)
      .values({ releaseId: release.id, sections, updatedBy: opts.actor.label })
      .onConflictDoUpdate({
        target: enablementBundles.releaseId,
        set: { sections, updatedAt: opts.now, updatedBy: opts.actor.label },
      });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'release.bundle.save',
      entityType: 'release',
      entityId: release.id,
      change: { sections: Object.keys(opts.input.sections) },
    });
    await watchGate(tx, [release.id], opts.now);
    return getBundle(tx, release);
  });
}

/**
 * Support and Sales people confirm with one click: each gets an "I'm ready" for their function, whose private
 * link is made as their email or Slack copy is sent (services/delivery/send-links); the inbox answers signed in.
 */
async function readinessAsks(tx: Db, recipients: Recipient[]) {
  const ids = [...new Set(recipients.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const out = new Map<string, 'support' | 'sales'>();
  if (!ids.length) return out;
  const rows = await tx
    .select({ id: people.id, function: people.function })
    .from(people)
    .where(inArray(people.id, ids));
  for (const p of rows) if (p.function === 'support' || p.function === 'sales') out.set(p.id, p.function);
  return out;
}

function bundleMessage(
  release: ReleaseView,
  stage: Stage,
  markdown: string,
  missing: string[],
): OutgoingMessage {
  const tier = describeTier((release.tier ?? 1) as 1 | 2 | 3);
  const verb = stage === 'distribution' ? 'Enablement bundle' : 'Final enablement bundle';
  return {
    title: `${verb}: ${release.title} (launch ${release.targetDate})`,
    summary:
      `${tier} launch${release.areaName ? ` in ${release.areaName}` : ''} on ${dayText(release.targetDate)}. ` +
      (stage === 'distribution'
        ? 'Read it and confirm you are ready.'
        : 'This is the version to use with customers.') +
      (missing.length ? ` Still to come: ${missing.join(', ')}.` : ''),
    sections: [{ markdown: markdown.split('\n').slice(1).join('\n') }],
    link: { label: 'Open the release in prodops', url: `/releases/${release.id}` },
  };
}

/**
 * Distribution (the draft goes to Support/Sales for readiness) and publication (the final bundle) are each an
 * immutable artifact version, delivered to the release's subscribers through the outbox in the same transaction.
 */
export async function releaseBundle(opts: {
  db: Db;
  actor: Actor;
  releaseId: string;
  stage: Stage;
  now: Date;
  /** The web app and API: messages wait this long as `held`, and the action can be undone meanwhile. */
  hold?: { seconds: number };
}) {
  return opts.db.transaction(async (tx) => {
    const now = opts.now;
    const release = await getRelease(tx, opts.releaseId);
    if (!release) throw notFound('release');
    const settings = await getSettings(tx);
    const rule = tierRule(settings, release.tier);
    if (!rule || rule.bundle === 'none')
      throw new AppError(
        'conflict',
        `${release.tier ? `Tier ${release.tier}` : 'a release without a tier'} needs no enablement bundle`,
      );
    const bundle = await getBundle(tx, release);
    const missing = missingSections(bundle.sections, rule.requiredSections).map((m) => m.heading);
    if (opts.stage === 'publication' && missing.length)
      throw invalid(
        missing.map((m) => ({
          path: 'sections',
          message: `${m} is required for ${describeTier(release.tier as 1 | 2 | 3)}`,
        })),
        'the bundle is not complete',
      );
    const published = await publishArtifactVersion(tx, {
      kind: ENABLEMENT_BUNDLE,
      key: release.id,
      title: `Launch Enablement Bundle — ${release.title}`,
      markdown: bundle.markdown,
      json: {
        stage: opts.stage,
        releaseId: release.id,
        tier: release.tier,
        targetDate: release.targetDate,
        sections: bundle.sections,
      },
      changes: missing.length ? [`Sections still missing: ${missing.join(', ')}`] : [],
      publishedBy: opts.actor.label,
      now,
    });
    const { version } = published;
    const title = `${opts.stage === 'distribution' ? 'Bundle distributed' : 'Final bundle published'}: ${release.title}`;
    const hold: Hold | null = opts.hold
      ? await openHold(tx, {
          kind: opts.stage === 'distribution' ? 'release_bundle.distribute' : 'release_bundle.publish',
          ref: `${release.id}:v${version}`,
          title,
          actor: opts.actor,
          now,
          seconds: opts.hold.seconds,
        })
      : null;
    await emitEvent(tx, {
      type: 'artifact.published',
      key: `${ENABLEMENT_BUNDLE}:${release.id}:v${version}`,
      title: `${published.title} (${opts.stage}) published`,
      data: {
        ...artifactData({ ...published, path: `/releases/${release.id}` }),
        stage: opts.stage,
        release: releaseData(release),
      },
      now,
      hold,
    });
    const today = todayIn(settings.timeZone, now);
    const field = opts.stage === 'distribution' ? 'distributed' : 'published';
    const stamp = { [`${field}On`]: bundle[`${field}On`] ?? today, [`${field}At`]: now };
    const before = await bundleRow(tx, release.id);
    await tx
      .insert(enablementBundles)
      .values({ releaseId: release.id, sections: bundle.sections, ...stamp })
      .onConflictDoUpdate({ target: enablementBundles.releaseId, set: stamp });
    await deliver(tx, release, opts.stage, version, bundle.markdown, missing, hold);
    await replanRelease(tx, release.id, now);
    if (hold)
      await finishHold(tx, hold, title, {
        releaseId: release.id,
        versionId: published.id,
        version,
        stage: opts.stage,
        before: before
          ? { on: before[`${field}On`] ?? null, at: before[`${field}At`]?.toISOString() ?? null }
          : { on: null, at: null },
      } satisfies BundleReleaseUndo);
    await recordAudit(tx, {
      actor: opts.actor,
      action: `release.bundle.${opts.stage === 'distribution' ? 'distribute' : 'publish'}`,
      entityType: 'release',
      entityId: release.id,
      change: { version, missing },
    });
    return { version, stage: opts.stage, on: stamp[`${field}On`] as string, hold, missing };
  });
}

async function deliver(
  tx: Db,
  release: ReleaseView,
  stage: Stage,
  version: number,
  markdown: string,
  missing: string[],
  hold: Hold | null,
): Promise<void> {
  const recipients = await resolveRecipients(tx, {
    kind: 'release',
    areaId: release.areaId,
    tier: release.tier ?? undefined,
  });
  const bundle = bundleMessage(release, stage, markdown, missing);
  // In Slack, Support and Sales answer on the distributed bundle itself ("I'm ready" / "Not ready, because…").
  const message: OutgoingMessage =
    stage === 'distribution' ? { ...bundle, slack: { readinessReleaseId: release.id } } : bundle;
  const key = `${ENABLEMENT_BUNDLE}:${release.id}:v${version}`;
  const ref = `${release.id}:v${version}`;
  const personal = stage === 'distribution' ? await readinessAsks(tx, recipients) : new Map();
  const shared = recipients.filter((r) => !r.personId || !personal.has(r.personId));
  const held = hold ? { hold } : {};
  await enqueueMessage(tx, { key, kind: ENABLEMENT_BUNDLE, ref, message, recipients: shared, ...held });
  for (const [personId, kind] of personal) {
    await enqueueMessage(tx, {
      key: `${key}:${personId}`,
      kind: ENABLEMENT_BUNDLE,
      ref,
      message: {
        ...message,
        actions: [
          {
            label: `I'm ready (${kind === 'support' ? 'Support' : 'Sales'})`,
            url: `/releases/${release.id}`,
            readiness: { releaseId: release.id, kind },
          },
        ],
      },
      recipients: recipients.filter((r) => r.personId === personId),
      ...held,
    });
  }
}
