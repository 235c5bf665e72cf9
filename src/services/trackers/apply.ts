import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { bugs, insightItems, trackerDifferences, trackerLinks } from '../../db/schema/index.ts';
import { type Difference, differencesOf, differenceText } from '../../domain/trackers/differences.ts';
import {
  dueDay,
  type GithubIssue,
  type GithubMilestone,
  labelNames,
} from '../../integrations/github/payloads.ts';
import { localDateTime } from '../../shared/calendar.ts';
import { TRACKER_LABELS } from '../../shared/trackers.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { ingestFeedback } from '../insights/ingest.ts';
import { productOpsIds } from '../quality/bugs.ts';
import type { ConnectionRow } from './connection.ts';
import { loadSubject } from './subjects.ts';

export const TRACKER_ACTOR = systemActor('GitHub (tracker sync)');
export const TRACKER_DIFFERENCE_KIND = 'trackers.difference';

type LinkRow = typeof trackerLinks.$inferSelect;

/**
 * A pull of a link's milestone (from the API or a webhook): the snapshot is kept, and the differences with what
 * prodops says are flagged — each new one told once to the PM and Product Ops; ones that agree again resolve.
 * Returns how many differences are new.
 */
export async function applyPulledWork(tx: Db, link: LinkRow, m: GithubMilestone, now: Date): Promise<number> {
  const work = {
    state: m.state,
    dueOn: dueDay(m.due_on),
    openIssues: m.open_issues,
    closedIssues: m.closed_issues,
  };
  await tx
    .update(trackerLinks)
    .set({ ...work, title: m.title, url: m.html_url, pulledAt: now, pullError: null })
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
    const text = differenceText(d, { tracker: TRACKER_LABELS[link.kind], subjectType: subject.type });
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
      actor: TRACKER_ACTOR,
      action: 'trackers.difference',
      entityType: subject.type,
      entityId: subject.id,
      change: { ...d, text },
    });
  }
  return fresh;
}

const hasLabel = (issue: GithubIssue, label: string) =>
  labelNames(issue).some((l) => l.toLowerCase() === label.toLowerCase());

/**
 * One GitHub issue into prodops: labelled as a bug, it is a bug of the no-bug-backlog model (source github, its
 * id) that closes when GitHub closes it and opens again when GitHub reopens one GitHub closed (a bug prodops
 * closed as won't fix stays closed); labelled as customer feedback, it is an insight item, once. Pull requests
 * are neither. Returns what it wrote.
 */
export async function applyIssue(
  tx: Db,
  o: { issue: GithubIssue; conn: ConnectionRow; areaId: string | null; timeZone: string; now: Date },
): Promise<{ bug: boolean; feedback: boolean }> {
  const { issue, now } = o;
  if (issue.pull_request) return { bug: false, feedback: false };
  const bug = hasLabel(issue, o.conn.bugLabel) ? await applyBug(tx, o) : false;
  const feedback = hasLabel(issue, o.conn.feedbackLabel) ? await applyFeedback(tx, issue, now) : false;
  return { bug, feedback };
}

const GITHUB_CLOSER = 'GitHub';

async function applyBug(
  tx: Db,
  o: { issue: GithubIssue; areaId: string | null; timeZone: string; now: Date },
): Promise<boolean> {
  const { issue, now } = o;
  const externalId = String(issue.id);
  const closedAt = issue.state === 'closed' ? new Date(issue.closed_at ?? now) : null;
  const [b] = await tx
    .select()
    .from(bugs)
    .where(and(eq(bugs.source, 'github'), eq(bugs.externalId, externalId)));
  if (!b) {
    const [created] = await tx
      .insert(bugs)
      .values({
        source: 'github',
        externalId,
        areaId: o.areaId,
        title: issue.title,
        openedOn: localDateTime(new Date(issue.created_at), o.timeZone).date,
        lastReportedAt: new Date(issue.created_at),
        state: closedAt ? 'closed' : 'open',
        closedAt,
        closedReason: closedAt ? 'fixed' : null,
        closedBy: closedAt ? GITHUB_CLOSER : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: bugs.id });
    await recordAudit(tx, {
      actor: TRACKER_ACTOR,
      action: 'bugs.sync',
      entityType: 'bug',
      entityId: created!.id,
      change: { source: 'github', issue: issue.html_url, state: closedAt ? 'closed' : 'open' },
    });
    return true;
  }
  const closes = closedAt && b.state === 'open';
  const reopens = !closedAt && b.state === 'closed' && b.closedBy === GITHUB_CLOSER;
  if (!closes && !reopens && b.title === issue.title) return false;
  await tx
    .update(bugs)
    .set({
      title: issue.title,
      ...(closes ? { state: 'closed', closedAt, closedReason: 'fixed', closedBy: GITHUB_CLOSER } : {}),
      ...(reopens ? { state: 'open', closedAt: null, closedReason: null, closedBy: null } : {}),
      updatedAt: now,
    })
    .where(eq(bugs.id, b.id));
  if (closes || reopens)
    await recordAudit(tx, {
      actor: TRACKER_ACTOR,
      action: closes ? 'bugs.close' : 'bugs.reopen',
      entityType: 'bug',
      entityId: b.id,
      change: closes
        ? { state: 'closed', reason: 'fixed', why: `closed on GitHub (${issue.html_url})` }
        : { state: 'open', why: `reopened on GitHub (${issue.html_url})` },
    });
  return true;
}

async function applyFeedback(tx: Db, issue: GithubIssue, now: Date): Promise<boolean> {
  const externalId = String(issue.id);
  const [seen] = await tx
    .select({ id: insightItems.id })
    .from(insightItems)
    .where(and(eq(insightItems.source, 'github'), eq(insightItems.externalId, externalId)));
  if (seen) return false;
  const result = await ingestFeedback({
    db: tx,
    actor: TRACKER_ACTOR,
    source: 'github',
    format: 'github',
    fileName: issue.html_url,
    rows: oneRow(issue),
    now,
  });
  return result.inserted > 0;
}

async function* oneRow(issue: GithubIssue) {
  yield {
    line: 1,
    item: {
      externalId: String(issue.id),
      title: issue.title,
      body: issue.body ?? '',
      occurredAt: issue.created_at,
      customer: null,
      segment: null,
      evidenceType: null,
      severityHint: null,
      kindHint: null,
      tags: labelNames(issue),
      url: issue.html_url,
    },
  };
}
