import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { slackReadinessMessages } from '../../db/schema/index.ts';
import { type ReadinessLine, withReadinessStatus } from '../../integrations/slack/readiness.ts';
import { enqueueMessage } from '../delivery/outbox.ts';

/** The functions the Slack buttons answer for, as the message names them. */
export const SLACK_READINESS_KINDS = { support: 'Support', sales: 'Sales' } as const;
export type SlackReadinessKind = keyof typeof SLACK_READINESS_KINDS;

export const READINESS_UPDATE = 'slack.readiness_update';

/** Support's and Sales's standing answers, as the message's readiness line shows them. */
export function readinessLines(
  signOffs: readonly { kind: string; by: string; ready: boolean; note: string; at: string }[],
): ReadinessLine[] {
  return (Object.keys(SLACK_READINESS_KINDS) as SlackReadinessKind[]).flatMap((kind) => {
    const s = signOffs.find((x) => x.kind === kind);
    return s
      ? [{ label: SLACK_READINESS_KINDS[kind], by: s.by, ready: s.ready, note: s.note, at: s.at }]
      : [];
  });
}

/**
 * Keeps a message that carries a release's readiness buttons, as Slack sent it with a click. Returns whether it
 * is new here (its line has never been drawn by prodops).
 */
export async function rememberReadinessMessage(
  tx: Db,
  m: { channelId: string; ts: string; releaseId: string; text: string; blocks: object[]; now: Date },
): Promise<boolean> {
  const inserted = await tx
    .insert(slackReadinessMessages)
    .values({ ...m, updatedAt: m.now })
    .onConflictDoNothing()
    .returning({ ts: slackReadinessMessages.ts });
  return inserted.length === 1;
}

/**
 * Redraws the readiness line of a release's known Slack messages (or only `only`) with the current answers:
 * one chat.update each, through the outbox, so it is retried and in the delivery log like any message.
 */
export async function updateReadinessMessages(
  tx: Db,
  o: {
    releaseId: string;
    releaseTitle: string;
    lines: ReadinessLine[];
    personId: string | null;
    now: Date;
    only?: { channelId: string; ts: string };
  },
): Promise<number> {
  const rows = await tx
    .select()
    .from(slackReadinessMessages)
    .where(eq(slackReadinessMessages.releaseId, o.releaseId));
  const targets = o.only
    ? rows.filter((r) => r.channelId === o.only!.channelId && r.ts === o.only!.ts)
    : rows;
  const state = createHash('sha256').update(JSON.stringify(o.lines)).digest('hex').slice(0, 16);
  for (const r of targets) {
    const blocks = withReadinessStatus(r.blocks, o.lines);
    await tx
      .update(slackReadinessMessages)
      .set({ blocks, updatedAt: o.now })
      .where(and(eq(slackReadinessMessages.channelId, r.channelId), eq(slackReadinessMessages.ts, r.ts)));
    await enqueueMessage(tx, {
      key: `${READINESS_UPDATE}:${r.channelId}:${r.ts}:${state}:${o.now.getTime()}`,
      kind: READINESS_UPDATE,
      ref: o.releaseId,
      message: {
        title: `Readiness: ${o.releaseTitle}`,
        summary: o.lines.map((l) => `${l.label}: ${l.ready ? 'ready' : 'not ready'} (${l.by})`).join('; '),
        slack: { replace: { ts: r.ts, text: r.text, blocks } },
      },
      recipients: [{ channel: 'slack', address: r.channelId, personId: o.personId }],
    });
  }
  return targets.length;
}
