import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { slackStatusShares } from '../../db/schema/index.ts';
import type { TStatusCard, TStatusSubject } from '../../shared/status.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import type { ActionHandler } from '../scheduling.ts';
import { cardFor } from '../status/cards.ts';
import { SHARE_UPDATE, type ToldState } from './shares.ts';

export const STATUS_THREAD = 'slack.status_thread';

const toldOf = (card: TStatusCard): ToldState => ({ status: card.status, when: card.when?.text ?? null });

/** "On hold (was In readiness). When: Late Jan 2027 (was Mid Jan 2027)." — only what changed. */
export function changeText(was: ToldState, now: ToldState): string {
  const parts: string[] = [];
  if (now.status !== was.status) parts.push(`Now ${now.status} (was ${was.status}).`);
  if (now.when !== was.when)
    parts.push(
      now.when ? `When: ${now.when}${was.when ? ` (was ${was.when})` : ''}.` : 'No date is given now.',
    );
  return parts.join(' ');
}

/**
 * Replies in the thread of every shared answer about this thing whose status or "when" changed, as a stakeholder
 * may read them (the channel is anyone's): once per new state, through the outbox (retried, in the delivery log).
 */
export async function tellSharedThreads(
  tx: Db,
  subject: TStatusSubject,
  id: string,
  now: Date,
): Promise<number> {
  const shares = await tx
    .select()
    .from(slackStatusShares)
    .where(and(eq(slackStatusShares.subject, subject), eq(slackStatusShares.subjectId, id)));
  if (!shares.length) return 0;
  const card = await cardFor(tx, subject, id, 'stakeholder', now);
  // Gone, or no longer shown to stakeholders: nothing a channel may read has changed.
  if (!card) return 0;
  const told = toldOf(card);
  let replies = 0;
  for (const share of shares) {
    if (share.told.status === told.status && share.told.when === told.when) continue;
    await enqueueMessage(tx, {
      key: `${STATUS_THREAD}:${share.id}:${told.status}|${told.when ?? ''}`,
      kind: STATUS_THREAD,
      ref: `${subject}:${id}`,
      message: {
        title: `Update: ${card.title}`,
        summary: changeText(share.told, told),
        link: { label: 'Open in prodops', url: card.path },
        slack: { threadTs: share.ts },
      },
      recipients: [{ channel: 'slack', address: share.channelId }],
    });
    await tx.update(slackStatusShares).set({ told }).where(eq(slackStatusShares.id, share.id));
    replies += 1;
  }
  return replies;
}

export const shareUpdate: ActionHandler<typeof SHARE_UPDATE> = async ({ tx, payload, now }) => {
  await tellSharedThreads(tx, payload.subject, payload.id, now);
};

export const SLACK_ACTIONS = { [SHARE_UPDATE]: shareUpdate };
