import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { broadcasts, channels, outbox, people } from '../../db/schema/index.ts';
import { type OutgoingMessage, withRepliesInline } from '../../integrations/message.ts';
import type { TBroadcastPreview } from '../../shared/broadcasts.ts';

class Rollback {
  constructor(readonly value: unknown) {}
}

/**
 * Runs an action for real in a transaction that is then rolled back, and returns what `read` saw inside it: a
 * preview made by the code that sends, so preview and send cannot disagree.
 */
export async function dryRun<T>(db: Db, read: (tx: Db) => Promise<T>): Promise<T> {
  try {
    await db.transaction(async (tx) => {
      throw new Rollback(await read(tx));
    });
  } catch (err) {
    if (err instanceof Rollback) return err.value as T;
    throw err;
  }
  throw new Error('a dry run must roll back');
}

/** Which outgoing channels the server can send on (services/delivery/message-groups.ts deliveryConfiguration). */
export interface SendingConfig {
  email: boolean;
  slackBot: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The body as email and the inbox show it: the message's sections, then its replies as sections. */
function bodyMarkdown(message: OutgoingMessage): string {
  return (withRepliesInline(message).sections ?? [])
    .map((s) => `${s.heading?.trim() ? `## ${s.heading.trim()}\n\n` : ''}${s.markdown}`)
    .join('\n\n');
}

/**
 * What an action under a hold wrote to the outbox (read inside its dry run): the message, the count per channel,
 * people and channels by name, and warnings about copies this server cannot send.
 */
export async function heldPreview(
  tx: Db,
  holdId: string,
  config: SendingConfig,
): Promise<Pick<TBroadcastPreview, 'message' | 'recipients' | 'warnings'> & { recipe: unknown }> {
  const rows = await tx
    .select({
      channel: outbox.channel,
      personId: outbox.personId,
      message: outbox.message,
      person: people.name,
      list: channels.name,
    })
    .from(outbox)
    .leftJoin(people, eq(people.id, outbox.personId))
    .leftJoin(channels, eq(channels.id, outbox.channelId))
    .where(and(eq(outbox.broadcastId, holdId), ne(outbox.channel, 'webhook')));
  // Webhook copies (services/webhooks) are held and undone with the action too, but they carry an event, not
  // this message, and no person reads them: the preview is about people.
  const [b] = await tx.select({ undo: broadcasts.undo }).from(broadcasts).where(eq(broadcasts.id, holdId));
  const by = (c: string) => rows.filter((r) => r.channel === c).length;
  const sorted = (xs: (string | null)[]) =>
    [...new Set(xs.filter((x): x is string => Boolean(x)))].sort((a, b) => a.localeCompare(b));
  const first = rows[0]?.message as OutgoingMessage | undefined;
  const email = by('email');
  const dms = rows.filter((r) => r.channel === 'slack' && r.personId).length;
  const warnings = [
    ...(!config.email && email
      ? [`Email is not set up on this server (SMTP_URL): ${plural(email, 'email')} will fail.`]
      : []),
    ...(!config.slackBot && dms
      ? [`The Slack bot is not set up (SLACK_BOT_TOKEN): ${plural(dms, 'Slack direct message')} will fail.`]
      : []),
  ];
  return {
    message: first
      ? {
          subject: first.title.replace(/\s+/g, ' ').trim(),
          summary: first.summary,
          markdown: bodyMarkdown(first),
          link: first.link ?? null,
        }
      : null,
    recipients: {
      total: rows.length,
      email,
      slack: by('slack'),
      inbox: by('inbox'),
      people: sorted(rows.map((r) => r.person)),
      channels: sorted(rows.map((r) => r.list)),
    },
    warnings,
    recipe: b?.undo ?? null,
  };
}
