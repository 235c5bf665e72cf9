import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ARTIFACT_KIND_VALUES, CHANNEL_KINDS, VIAS } from '../../shared/delivery.ts';
import { areas, people } from './org.ts';

/** Slack channels (webhook or bot) and email lists that can receive artifacts. */
export const channels = pgTable(
  'channels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
    name: text('name').notNull(), // "#product-updates", "product-updates@example.com"
    /** Slack: incoming-webhook URL, or null to post with the bot token to `slackChannelId`. Email: the address. */
    webhookUrl: text('webhook_url'),
    slackChannelId: text('slack_channel_id'),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('channels_name_key').on(t.kind, t.name)],
);

/** Who hears about what: a person or a channel, for an artifact kind, optionally one area and some release tiers. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ARTIFACT_KIND_VALUES }).notNull(),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'cascade' }),
    tiers: integer('tiers').array(),
    /** Roadmap subscriptions: hear only about items that moved more than this many days (null: the org's default). */
    toleranceDays: integer('tolerance_days'),
    /** false = an explicit opt-out of what the person's function would give them by default. */
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subscriptions_kind_idx').on(t.kind)],
);

/**
 * Personal preferences: which channels reach me, and my private feed key (calendar, Atom/RSS). Only the key's
 * SHA-256 is kept: its URL is shown once, when made; null until the person makes one.
 */
export const personPrefs = pgTable(
  'person_prefs',
  {
    personId: uuid('person_id')
      .primaryKey()
      .references(() => people.id, { onDelete: 'cascade' }),
    via: text('via', { enum: VIAS }).array().notNull().default(sql`'{inbox,email,slack}'::text[]`),
    calendarTokenHash: text('calendar_token_hash'),
    /** When the current key was made (null: made before keys were dated). */
    calendarTokenAt: timestamp('calendar_token_at', { withTimezone: true }),
    emailUnsubscribedAt: timestamp('email_unsubscribed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('person_prefs_calendar_token_hash_key').on(t.calendarTokenHash)],
);

/** The one-click unsubscribe links of sent emails, by the SHA-256 of their token: a fresh one per email sent. */
export const unsubscribeTokens = pgTable('unsubscribe_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
