import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
