import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bugs, insightItems, trackerDifferences, trackerLinks } from '../../db/schema/index.ts';
import {
  closedWords,
  type Difference,
  differencesOf,
  differenceText,
  type PulledWork,
} from '../../domain/trackers/differences.ts';
import { localDateTime } from '../../shared/calendar.ts';
import { TRACKER_LABELS, type TTrackerKind } from '../../shared/trackers.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { ingestFeedback } from '../insights/ingest.ts';
import { productOpsIds } from '../quality/bugs.ts';
import { loadSubject } from './subjects.ts';

const ACTORS: Record<TTrackerKind, ReturnType<typeof systemActor>> = {
  github: systemActor('GitHub (tracker sync)'),
  jira: systemActor('Jira (tracker sync)'),
  linear: systemActor('Linear (tracker sync)'),
};
export const TRACKER_ACTOR = ACTORS.github;
export const TRACKER_DIFFERENCE_KIND = 'trackers.difference';

type LinkRow = typeof trackerLinks.$inferSelect;

/** A linked milestone, epic or version as pulled: its state, due day and issue counts, whatever the tracker. */
export interface PulledTarget extends PulledWork {
  title: string;
  url: string | null;
}

/** One tracker issue in prodops' terms (bug or feedback by the connection's label / issue type). */
export interface TrackedIssue {
  kind: TTrackerKind;
  externalId: string;
  title: string;
  body: string;
  url: string;
  closed: boolean;
  closedAt: string | null;
  createdAt: string;
  labels: string[];
  isBug: boolean;
  isFeedback: boolean;
}

/**
 * A pull of a link's milestone, epic or version (from the API or a webhook): the snapshot is kept, and the
 * differences with what prodops says are flagged — each new one told once to the PM and Product Ops; ones that
 * agree again resolve. Returns how many differences are new.
 */
export async function applyPulledWork(tx: Db, link: LinkRow, m: PulledTarget, now: Date): Promise<number> {
  const work: PulledWork = {
    state: m.state,
    dueOn: m.dueOn,
    openIssues: m.openIssues,
    closedIssues: m.closedIssues,
  };
  await tx
    .update(trackerLinks)
    .set({ ...work, title: m.title, url: m.url, pulledAt: now, pullError: null })
    .where(eq(trackerLinks.id, link.id));
  const subject = await loadSubject(tx, link.subjectType, link.subjectId);
  if (!subject) return 0;
  const found = differencesOf(subject.facts, work);
  const same = (a: Difference, b: Difference) =>
    a.kind === b.kind && a.trackerValue === b.trackerValue && a.prodopsValue === b.prodopsValue;
  const open = await tx
    .select()
    .from(trackerDifferences)
    .where(and(eq(trackerDifferences.linkId, link.id), isNull(trackerDifferences.resolvedAt)));
  for (const d of open.filter((o) => !found.some((f) => same(o, f))))
    await tx.update(trackerDifferences).set({ resolvedAt: now }).where(eq(trackerDifferences.id, d.id));
  let fresh = 0;
  for (const d of found) {
    // New, or seen before and resolved since: told (again). Still open: already told.
    const [row] = await tx
      .insert(trackerDifferences)
      .values({ linkId: link.id, ...d, detectedAt: now })
      .onConflictDoUpdate({
        target: [
          trackerDifferences.linkId,
          trackerDifferences.kind,
          trackerDifferences.trackerValue,
          trackerDifferences.prodopsValue,
        ],
        set: { resolvedAt: null, acknowledgedAt: null, acknowledgedBy: null, detectedAt: now },
        setWhere: sql`${trackerDifferences.resolvedAt} is not null`,
      })
      .returning({ id: trackerDifferences.id });
    if (!row) continue;
    fresh += 1;
    const text = differenceText(d, {
      tracker: TRACKER_LABELS[link.kind],
      subjectType: subject.type,
      closedWords: closedWords(link),
    });
    await enqueueMessage(tx, {
      key: `${TRACKER_DIFFERENCE_KIND}:${row.id}:${now.toISOString()}`,
      kind: TRACKER_DIFFERENCE_KIND,
      ref: row.id,
      message: {
        title: `${TRACKER_LABELS[link.kind]} differs from prodops: ${subject.title}`,
        summary: `${text}. Nothing was changed in prodops: decide which is right, then update it or the tracker.`,
        link: {
          label: subject.type === 'release' ? 'Open the release' : 'Open the roadmap item',
          url: subject.url,
        },
      },
      recipients: await recipientsForPeople(tx, [
        ...(subject.pmId ? [subject.pmId] : []),
        ...(await productOpsIds(tx)),
      ]),
    });
    await recordAudit(tx, {
      actor: ACTORS[link.kind],
      action: 'trackers.difference',
      entityType: subject.type,
      entityId: subject.id,
      change: { ...d, text },
    });
  }
  return fresh;
}

/**
 * One tracker issue into prodops: a bug (by label, or Jira's issue type) is a bug of the no-bug-backlog model
 * (source: the tracker, its id) that closes when the tracker closes it and opens again when the tracker reopens
 * one it closed (a bug prodops closed as won't fix stays closed); customer feedback is an insight item, once.
 * Returns what it wrote.
 */
export async function applyIssue(
  tx: Db,
  o: { issue: TrackedIssue; areaId: string | null; timeZone: string; now: Date },
): Promise<{ bug: boolean; feedback: boolean }> {
  const bug = o.issue.isBug ? await applyBug(tx, o) : false;
  const feedback = o.issue.isFeedback ? await applyFeedback(tx, o.issue, o.now) : false;
  return { bug, feedback };
}

async function applyBug(
  tx: Db,
  o: { issue: TrackedIssue; areaId: string | null; timeZone: string; now: Date },
): Promise<boolean> {
  const { issue, now } = o;
  const source = issue.kind;
  const closer = TRACKER_LABELS[source];
  const actor = ACTORS[source];
  const { externalId } = issue;
  const closedAt = issue.closed ? new Date(issue.closedAt ?? now) : null;
  const [b] = await tx
    .select()
    .from(bugs)
    .where(and(eq(bugs.source, source), eq(bugs.externalId, externalId)));
  if (!b) {
    const [created] = await tx
      .insert(bugs)
      .values({
        source,
        externalId,
        areaId: o.areaId,
        title: issue.title,
        openedOn: localDateTime(new Date(issue.createdAt), o.timeZone).date,
        lastReportedAt: new Date(issue.createdAt),
        state: closedAt ? 'closed' : 'open',
        closedAt,
        closedReason: closedAt ? 'fixed' : null,
        closedBy: closedAt ? closer : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: bugs.id });
    await recordAudit(tx, {
      actor,
      action: 'bugs.sync',
      entityType: 'bug',
      entityId: created!.id,
      change: { source, issue: issue.url, state: closedAt ? 'closed' : 'open' },
    });
    return true;
  }
  const closes = closedAt && b.state === 'open';
  const reopens = !closedAt && b.state === 'closed' && b.closedBy === closer;
  if (!closes && !reopens && b.title === issue.title) return false;
  await tx
    .update(bugs)
    .set({
      title: issue.title,
      ...(closes ? { state: 'closed', closedAt, closedReason: 'fixed', closedBy: closer } : {}),
      ...(reopens ? { state: 'open', closedAt: null, closedReason: null, closedBy: null } : {}),
      updatedAt: now,
    })
    .where(eq(bugs.id, b.id));
  if (closes || reopens)
    await recordAudit(tx, {
      actor,
      action: closes ? 'bugs.close' : 'bugs.reopen',
      entityType: 'bug',
      entityId: b.id,
      change: closes
        ? { state: 'closed', reason: 'fixed', why: `closed on ${closer} (${issue.url})` }
        : { state: 'open', why: `reopened on ${closer} (${issue.url})` },
    });
  return true;
}

async function applyFeedback(tx: Db, issue: TrackedIssue, now: Date): Promise<boolean> {
  const [seen] = await tx
    .select({ id: insightItems.id })
    .from(insightItems)
    .where(and(eq(insightItems.source, issue.kind), eq(insightItems.externalId, issue.externalId)));
  if (seen) return false;
  const result = await ingestFeedback({
    db: tx,
    actor: ACTORS[issue.kind],
    source: issue.kind,
    format: issue.kind,
    fileName: issue.url,
    rows: oneRow(issue),
    now,
  });
  return result.inserted > 0;
}

async function* oneRow(issue: TrackedIssue) {
  yield {
    line: 1,
    item: {
      externalId: issue.externalId,
      title: issue.title,
      body: issue.body,
      occurredAt: issue.createdAt,
      customer: null,
      segment: null,
      evidenceType: null,
      severityHint: null,
      kindHint: null,
      tags: issue.labels,
      url: issue.url,
    },
  };
}
