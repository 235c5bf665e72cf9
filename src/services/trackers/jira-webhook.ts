import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerDeliveries, trackerLinks } from '../../db/schema/index.ts';
import { JIRA_ISSUE_EVENTS, ZJiraIssueEvent } from '../../integrations/jira/payloads.ts';
import { getSettings } from '../org/settings.ts';
import { fromJiraIssue, jiraEpicTarget } from './adapters.ts';
import { applyIssue, applyPulledWork } from './apply.ts';
import type { ConnectionRow } from './connection.ts';
import { loadSubject } from './subjects.ts';
import { firstLinkIn } from './sync.ts';
import { refusePayload, type WebhookOutcome } from './webhook.ts';

/**
 * A Jira delivery that carried the webhook secret, applied once: its id (X-Atlassian-Webhook-Identifier, else the
 * event, issue id and timestamp) is remembered in the same transaction as its effects, so a retry changes
 * nothing. jira:issue_created / jira:issue_updated: the issue as a bug or feedback; a linked epic's own change
 * (due date, done) is applied to its links at once with their last counts; other events are acknowledged.
 */
export async function receiveJiraDelivery(opts: {
  db: Db;
  conn: ConnectionRow;
  deliveryId: string | null;
  payload: unknown;
  now: Date;
}): Promise<WebhookOutcome> {
  const event = (opts.payload as { webhookEvent?: unknown } | null)?.webhookEvent;
  const applies = (JIRA_ISSUE_EVENTS as readonly unknown[]).includes(event);
  const p = applies ? ZJiraIssueEvent.safeParse(opts.payload) : null;
  if (p && !p.success) throw refusePayload(p.error);
  const parsed = p?.data ?? null;
  const id =
    opts.deliveryId ?? (parsed ? `${parsed.webhookEvent}:${parsed.issue.id}:${parsed.timestamp}` : null);
  const { timeZone } = await getSettings(opts.db);
  return opts.db.transaction(async (tx) => {
    if (id) {
      const [fresh] = await tx
        .insert(trackerDeliveries)
        .values({
          kind: 'jira',
          deliveryId: `jira:${id}`.slice(0, 300),
          event: typeof event === 'string' ? event.slice(0, 100) : 'unknown',
          receivedAt: opts.now,
        })
        .onConflictDoNothing()
        .returning();
      if (!fresh) return 'duplicate';
    }
    if (!parsed) return 'ignored';
    const { issue } = parsed;
    const epicLinks = await tx
      .select()
      .from(trackerLinks)
      .where(
        and(eq(trackerLinks.kind, 'jira'), eq(trackerLinks.repo, 'epic'), eq(trackerLinks.ref, issue.key)),
      );
    const project = issue.key.split('-')[0];
    const first =
      epicLinks[0] ??
      (await firstLinkIn(
        tx,
        'jira',
        (l) =>
          (l.repo === 'epic' && (l.ref === issue.fields.parent?.key || l.ref.split('-')[0] === project)) ||
          (l.repo === 'version' && issue.fields.fixVersions.some((v) => v.id === l.ref)),
      ));
    const areaId = first
      ? ((await loadSubject(tx, first.subjectType, first.subjectId))?.areaId ?? null)
      : null;
    await applyIssue(tx, { issue: fromJiraIssue(issue, opts.conn), areaId, timeZone, now: opts.now });
    for (const link of epicLinks)
      await applyPulledWork(
        tx,
        link,
        {
          ...jiraEpicTarget(issue, opts.conn),
          openIssues: link.openIssues ?? 0,
          closedIssues: link.closedIssues ?? 0,
        },
        opts.now,
      );
    return 'applied';
  });
}
