import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { people } from './org.ts';
import { releases } from './releases.ts';

/**
 * The signatures of Slack requests already accepted, kept until their timestamp leaves Slack's five-minute
 * window (after that the request is refused as stale anyway): a replay is refused on whichever instance it
 * reaches. Rows past `keep_until` are deleted as new requests arrive.
 */
export const slackSeenRequests = pgTable(
  'slack_seen_requests',
  {
    signature: text('signature').primaryKey(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
    keepUntil: timestamp('keep_until', { withTimezone: true }).notNull(),
  },
  (t) => [index('slack_seen_requests_keep_until_idx').on(t.keepUntil)],
);

/**
 * A status answer someone shared in a Slack channel (posted by the bot, so its ts is known): later changes a
 * channel may read (its status, its "when") are replied in that message's thread, each state once. `told` is
 * the last state the thread heard.
 */
export const slackStatusShares = pgTable(
  'slack_status_shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subject: text('subject').notNull(),
    subjectId: text('subject_id').notNull(),
    channelId: text('channel_id').notNull(),
    ts: text('ts').notNull(),
    sharedBy: uuid('shared_by').references(() => people.id, { onDelete: 'set null' }),
    told: jsonb('told').$type<{ status: string; when: string | null }>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('slack_status_shares_subject_idx').on(t.subject, t.subjectId),
    uniqueIndex('slack_status_shares_message_idx').on(t.channelId, t.ts),
  ],
);

/**
 * Slack messages carrying a release's readiness buttons that someone answered from: the message as Slack showed
 * it (its ts, text and blocks, from the click), so every later answer, from Slack or the web, updates it in
 * place (chat.update needs the whole message).
 */
export const slackReadinessMessages = pgTable(
  'slack_readiness_messages',
  {
    channelId: text('channel_id').notNull(),
    ts: text('ts').notNull(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    blocks: jsonb('blocks').$type<object[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.ts] }),
    index('slack_readiness_messages_release_idx').on(t.releaseId),
  ],
);
