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

/** Personal preferences: which channels reach me, my calendar feed and unsubscribe tokens. */
export const personPrefs = pgTable('person_prefs', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'cascade' }),
  via: text('via', { enum: VIAS }).array().notNull().default(sql`'{inbox,email,slack}'::text[]`),
  calendarToken: text('calendar_token').notNull(),
  unsubscribeToken: text('unsubscribe_token').notNull(),
  emailUnsubscribedAt: timestamp('email_unsubscribed_at', { withTimezone: true }),
});
