import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerDeliveries, trackerLinks } from '../../db/schema/index.ts';
import {
  dueDay,
  type GithubMilestone,
  ZIssuesEvent,
  ZMilestoneEvent,
} from '../../integrations/github/payloads.ts';
import { invalid } from '../../shared/errors.ts';
import { getSettings } from '../org/settings.ts';
import { fromGithubIssue } from './adapters.ts';
import { applyIssue, applyPulledWork, type PulledTarget } from './apply.ts';
import type { ConnectionRow } from './connection.ts';
import { loadSubject } from './subjects.ts';

export type WebhookOutcome = 'applied' | 'duplicate' | 'ignored';

/** A malformed delivery, refused whole with the fields named under body. */
export const refusePayload = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
  invalid(e.issues.map((i) => ({ path: ['body', ...i.path.map(String)].join('.'), message: i.message })));

const milestoneTarget = (m: GithubMilestone): PulledTarget => ({
  title: m.title,
  url: m.html_url,
  state: m.state,
  dueOn: dueDay(m.due_on),
  openIssues: m.open_issues,
  closedIssues: m.closed_issues,
});

/** What a verified delivery says, read before anything is written: a malformed one is refused whole. */
function parseEvent(event: string, payload: unknown) {
  const refuse = refusePayload;
  if (event === 'issues') {
    const p = ZIssuesEvent.safeParse(payload);
    if (!p.success) throw refuse(p.error);
    return {
      repo: p.data.repository.full_name,
      issue: p.data.issue,
      milestone: p.data.issue.milestone ?? null,
    };
  }
  if (event === 'milestone') {
    const p = ZMilestoneEvent.safeParse(payload);
    if (!p.success) throw refuse(p.error);
    return { repo: p.data.repository.full_name, issue: null, milestone: p.data.milestone };
  }
  return null;
}

/**
 * A verified GitHub webhook delivery, applied once (X-GitHub-Delivery is remembered in the same transaction as
 * its effects, so a redelivery is acknowledged and changes nothing). `issues`: the issue as a bug or feedback,
 * and its milestone's new counts on any link to it; `milestone`: the milestone's state and due date on its
 * links, with differences flagged. Other events (ping included) are acknowledged and ignored.
 */
export async function receiveGithubDelivery(opts: {
  db: Db;
  conn: ConnectionRow;
  deliveryId: string;
  event: string;
  payload: unknown;
  now: Date;
}): Promise<WebhookOutcome> {
  const parsed = parseEvent(opts.event, opts.payload);
  const { timeZone } = await getSettings(opts.db);
  return opts.db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(trackerDeliveries)
      .values({ kind: 'github', deliveryId: opts.deliveryId, event: opts.event, receivedAt: opts.now })
      .onConflictDoNothing()
      .returning();
    if (!fresh) return 'duplicate';
    if (!parsed) return 'ignored';
    const { repo, milestone } = parsed;
    const links = milestone
      ? await tx
          .select()
          .from(trackerLinks)
          .where(
            and(
              eq(trackerLinks.kind, 'github'),
              eq(trackerLinks.repo, repo),
              eq(trackerLinks.ref, String(milestone.number)),
            ),
          )
      : [];
    if (parsed.issue) {
      const first = links[0] ?? (await firstLinkOf(tx, repo));
      const areaId = first
        ? ((await loadSubject(tx, first.subjectType, first.subjectId))?.areaId ?? null)
        : null;
      const issue = fromGithubIssue(parsed.issue, opts.conn);
      await applyIssue(tx, { issue, areaId, timeZone, now: opts.now });
    }
    if (milestone)
      for (const link of links) await applyPulledWork(tx, link, milestoneTarget(milestone), opts.now);
    return 'applied';
  });
}

async function firstLinkOf(db: Db, repo: string) {
  const [row] = await db
    .select()
    .from(trackerLinks)
    .where(and(eq(trackerLinks.kind, 'github'), eq(trackerLinks.repo, repo)))
    .orderBy(trackerLinks.createdAt)
    .limit(1);
  return row ?? null;
}
