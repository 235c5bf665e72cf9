import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { trackerDeliveries, trackerLinks } from '../../db/schema/index.ts';
import { ZLinearIssueData, ZLinearProjectData } from '../../integrations/linear/payloads.ts';
import { getSettings } from '../org/settings.ts';
import { fromLinearIssue, linearProjectTarget } from './adapters.ts';
import { applyIssue, applyPulledWork } from './apply.ts';
import type { ConnectionRow } from './connection.ts';
import { loadSubject } from './subjects.ts';
import { firstLinkIn } from './sync.ts';
import { refusePayload, type WebhookOutcome } from './webhook.ts';

/** What a verified delivery says, read before anything is written: a malformed one is refused whole. */
function parseData(type: string, data: unknown) {
  const prefixed = (e: { issues: { path: PropertyKey[]; message: string }[] }) =>
    refusePayload({ issues: e.issues.map((i) => ({ ...i, path: ['data', ...i.path] })) });
  if (type === 'Issue') {
    const p = ZLinearIssueData.safeParse(data);
    if (!p.success) throw prefixed(p.error);
    return { issue: p.data, project: null };
  }
  if (type === 'Project') {
    const p = ZLinearProjectData.safeParse(data);
    if (!p.success) throw prefixed(p.error);
    return { issue: null, project: p.data };
  }
  return null;
}

/**
 * A verified Linear delivery, applied once (Linear-Delivery remembered in the same transaction as its effects).
 * Issue: the issue as a bug or feedback; Project: a linked project's target date and state on its links at once,
 * with their last counts (the next sync refreshes those). Other types are acknowledged and ignored.
 */
export async function receiveLinearDelivery(opts: {
  db: Db;
  conn: ConnectionRow;
  deliveryId: string;
  type: string;
  data: unknown;
  now: Date;
}): Promise<WebhookOutcome> {
  const parsed = parseData(opts.type, opts.data);
  const { timeZone } = await getSettings(opts.db);
  return opts.db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(trackerDeliveries)
      .values({
        kind: 'linear',
        deliveryId: `linear:${opts.deliveryId}`,
        event: opts.type.slice(0, 100),
        receivedAt: opts.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!fresh) return 'duplicate';
    if (!parsed) return 'ignored';
    if (parsed.issue) {
      const { projectId } = parsed.issue;
      const first = await firstLinkIn(tx, 'linear', (l) => !projectId || l.ref === projectId);
      const areaId = first
        ? ((await loadSubject(tx, first.subjectType, first.subjectId))?.areaId ?? null)
        : null;
      await applyIssue(tx, {
        issue: fromLinearIssue(parsed.issue, opts.conn),
        areaId,
        timeZone,
        now: opts.now,
      });
    }
    if (parsed.project) {
      const links = await tx
        .select()
        .from(trackerLinks)
        .where(and(eq(trackerLinks.kind, 'linear'), eq(trackerLinks.ref, parsed.project.id)));
      for (const link of links)
        await applyPulledWork(
          tx,
          link,
          {
            ...linearProjectTarget(parsed.project),
            openIssues: link.openIssues ?? 0,
            closedIssues: link.closedIssues ?? 0,
          },
          opts.now,
        );
    }
    return 'applied';
  });
}
