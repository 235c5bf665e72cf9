import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, trackerDifferences, trackerLinks } from '../../db/schema/index.ts';
import { closedWords, differenceText, progressText, targetWords } from '../../domain/trackers/differences.ts';
import { notFound } from '../../shared/errors.ts';
import {
  TRACKER_LABELS,
  type TTrackerDifference,
  type TTrackerKind,
  type TTrackerLinkParsed,
  type TTrackerPanel,
  type TTrackerSubject,
} from '../../shared/trackers.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { requireConnection } from './connection.ts';
import { loadSubject } from './subjects.ts';

type LinkRow = typeof trackerLinks.$inferSelect;
type DifferenceRow = typeof trackerDifferences.$inferSelect;

/** Where a link input points: GitHub's repo + milestone number, Jira's "epic" + key or "version" + id. */
function targetOf(input: TTrackerLinkParsed): { kind: TTrackerKind; repo: string; ref: string } {
  if (input.kind === 'linear') return { kind: 'linear', repo: 'project', ref: input.project ?? '' };
  if (input.kind === 'jira')
    return input.epic
      ? { kind: 'jira', repo: 'epic', ref: input.epic }
      : { kind: 'jira', repo: 'version', ref: input.fixVersion ?? '' };
  return { kind: 'github', repo: input.repo ?? '', ref: String(input.milestone) };
}

/** How the audit log names a link. */
const auditTarget = (l: { kind: TTrackerKind; repo: string; ref: string }) =>
  l.kind === 'github' ? { repo: l.repo, milestone: Number(l.ref) } : { kind: l.kind, [l.repo]: l.ref };

/** Links a release or roadmap item to a GitHub milestone or a Jira epic / version, replacing any link it had. */
export async function linkSubject(opts: {
  db: Db;
  actor: Actor;
  subject: { type: TTrackerSubject; id: string };
  input: TTrackerLinkParsed;
  now: Date;
}): Promise<LinkRow> {
  const { db, subject } = opts;
  const target = targetOf(opts.input);
  await requireConnection(db, target.kind);
  return db.transaction(async (tx) => {
    const { kind, repo, ref } = target;
    const [before] = await tx
      .select()
      .from(trackerLinks)
      .where(and(eq(trackerLinks.subjectType, subject.type), eq(trackerLinks.subjectId, subject.id)));
    if (before && before.kind === kind && before.repo === repo && before.ref === ref) return before;
    if (before) await tx.delete(trackerLinks).where(eq(trackerLinks.id, before.id));
    const [row] = await tx
      .insert(trackerLinks)
      .values({
        kind,
        subjectType: subject.type,
        subjectId: subject.id,
        repo,
        ref,
        createdBy: opts.actor.label,
        createdAt: opts.now,
      })
      .returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'trackers.link',
      entityType: subject.type,
      entityId: subject.id,
      change: {
        to: auditTarget(target),
        ...(before ? { from: auditTarget(before) } : {}),
      },
    });
    return row!;
  });
}

/** Removes a subject's link (and its differences); unlinking what is not linked writes nothing. */
export async function unlinkSubject(opts: {
  db: Db;
  actor: Actor;
  subject: { type: TTrackerSubject; id: string };
}): Promise<void> {
  await opts.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(trackerLinks)
      .where(
        and(eq(trackerLinks.subjectType, opts.subject.type), eq(trackerLinks.subjectId, opts.subject.id)),
      )
      .returning();
    if (gone)
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'trackers.unlink',
        entityType: opts.subject.type,
        entityId: opts.subject.id,
        change: { from: auditTarget(gone) },
      });
  });
}

export async function linkOf(db: Db, type: TTrackerSubject, id: string): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(trackerLinks)
    .where(and(eq(trackerLinks.subjectType, type), eq(trackerLinks.subjectId, id)));
  return row ?? null;
}

/** A release's or item's tracker panel: the link as last pulled and its differences not yet acknowledged. */
export async function trackerPanel(db: Db, type: TTrackerSubject, id: string): Promise<TTrackerPanel> {
  const link = await linkOf(db, type, id);
  if (!link) return { link: null, differences: [] };
  const subject = await loadSubject(db, type, id);
  const rows = await db
    .select()
    .from(trackerDifferences)
    .where(
      and(
        eq(trackerDifferences.linkId, link.id),
        isNull(trackerDifferences.resolvedAt),
        isNull(trackerDifferences.acknowledgedAt),
      ),
    )
    .orderBy(desc(trackerDifferences.detectedAt));
  const pulled = link.openIssues !== null && link.closedIssues !== null;
  return {
    link: {
      kind: link.kind,
      target: targetWords({
        ...link,
        title: link.kind === 'jira' && link.repo === 'epic' ? null : link.title,
      }),
      repo: link.repo,
      ref: link.ref,
      milestone: link.kind === 'github' ? Number(link.ref) : null,
      url: link.url,
      title: link.title,
      state: link.state,
      dueOn: link.dueOn,
      openIssues: link.openIssues,
      closedIssues: link.closedIssues,
      progressText: pulled ? progressText(link.openIssues ?? 0, link.closedIssues ?? 0) : null,
      pulledAt: link.pulledAt?.toISOString() ?? null,
      pullError: link.pullError,
    },
    differences: rows.map((d) => differenceView(d, link, subject?.title ?? '')),
  };
}

function differenceView(d: DifferenceRow, link: LinkRow, title: string): TTrackerDifference {
  return {
    id: d.id,
    kind: d.kind,
    text: differenceText(d, {
      tracker: TRACKER_LABELS[link.kind],
      subjectType: link.subjectType,
      closedWords: closedWords(link),
    }),
    trackerValue: d.trackerValue,
    prodopsValue: d.prodopsValue,
    detectedAt: d.detectedAt.toISOString(),
    resolvedAt: d.resolvedAt?.toISOString() ?? null,
    acknowledgedAt: d.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: d.acknowledgedBy,
    subject: { type: link.subjectType, id: link.subjectId, title },
  };
}

/** One tracker's differences, open ones (neither acknowledged nor resolved) by default, newest first. */
export async function listDifferences(
  db: Db,
  state: 'open' | 'all',
  kind: TTrackerKind = 'github',
): Promise<TTrackerDifference[]> {
  const where: SQL[] = [eq(trackerLinks.kind, kind)];
  if (state === 'open')
    where.push(isNull(trackerDifferences.resolvedAt), isNull(trackerDifferences.acknowledgedAt));
  const rows = await db
    .select({ d: trackerDifferences, link: trackerLinks })
    .from(trackerDifferences)
    .innerJoin(trackerLinks, eq(trackerLinks.id, trackerDifferences.linkId))
    .where(and(...where))
    .orderBy(desc(trackerDifferences.detectedAt))
    .limit(500);
  const titles = new Map<string, string>();
  for (const { link } of rows)
    if (!titles.has(link.subjectId))
      titles.set(link.subjectId, (await loadSubject(db, link.subjectType, link.subjectId))?.title ?? '');
  return rows.map(({ d, link }) => differenceView(d, link, titles.get(link.subjectId) ?? ''));
}

/** Who may acknowledge a difference: its subject's PM (Product Ops and up acknowledge any). */
export async function differenceOwner(db: Db, id: string): Promise<{ pmId: string | null } | null> {
  const [row] = await db
    .select({ link: trackerLinks })
    .from(trackerDifferences)
    .innerJoin(trackerLinks, eq(trackerLinks.id, trackerDifferences.linkId))
    .where(eq(trackerDifferences.id, id));
  if (!row) return null;
  return { pmId: (await loadSubject(db, row.link.subjectType, row.link.subjectId))?.pmId ?? null };
}

/** Someone saw the difference and decided (it stays as history); acknowledging twice keeps the first. */
export async function acknowledgeDifference(opts: {
  db: Db;
  actor: Actor;
  id: string;
  now: Date;
  /** The tracker whose route was used: another tracker's difference is not found there. */
  kind?: TTrackerKind;
}) {
  return opts.db.transaction(async (tx) => {
    const [of] = await tx
      .select({ kind: trackerLinks.kind })
      .from(trackerDifferences)
      .innerJoin(trackerLinks, eq(trackerLinks.id, trackerDifferences.linkId))
      .where(eq(trackerDifferences.id, opts.id));
    if (!of || (opts.kind && of.kind !== opts.kind)) throw notFound('difference');
    const [row] = await tx
      .update(trackerDifferences)
      .set({ acknowledgedAt: opts.now, acknowledgedBy: await nameOf(tx, opts.actor) })
      .where(and(eq(trackerDifferences.id, opts.id), isNull(trackerDifferences.acknowledgedAt)))
      .returning();
    if (row)
      await recordAudit(tx, {
        actor: opts.actor,
        action: 'trackers.acknowledge',
        entityType: 'tracker_difference',
        entityId: row.id,
        change: { kind: row.kind, trackerValue: row.trackerValue, prodopsValue: row.prodopsValue },
      });
    const all = await listDifferencesById(tx, opts.id);
    if (!all) throw notFound('difference');
    return all;
  });
}

async function listDifferencesById(db: Db, id: string): Promise<TTrackerDifference | null> {
  const [row] = await db
    .select({ d: trackerDifferences, link: trackerLinks })
    .from(trackerDifferences)
    .innerJoin(trackerLinks, eq(trackerLinks.id, trackerDifferences.linkId))
    .where(inArray(trackerDifferences.id, [id]));
  if (!row) return null;
  const title = (await loadSubject(db, row.link.subjectType, row.link.subjectId))?.title ?? '';
  return differenceView(row.d, row.link, title);
}

/** Who acted, as people read it: the person's name, else the actor's label. */
async function nameOf(db: Db, actor: Actor): Promise<string> {
  if (!actor.personId) return actor.label;
  const [p] = await db.select({ name: people.name }).from(people).where(eq(people.id, actor.personId));
  return p?.name ?? actor.label;
}
