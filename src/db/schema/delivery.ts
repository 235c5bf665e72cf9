import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHANNEL_KINDS, VIAS } from '../../shared/delivery.ts';
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
    kind: text('kind').notNull(),
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

/**
 * Transactional outbox: written with the change that causes it; a relay delivers it. The idempotency key makes
 * a re-run of the cause a no-op, and it travels with the message (Message-ID) so receivers can dedupe too.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    channel: text('channel').notNull(), // email | slack | inbox
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    address: text('address').notNull(),
    message: jsonb('message').notNull(),
    status: text('status').notNull().default('pending'), // pending | sending | sent | dead
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** What was sent to whom, when, and what happened: data for the surprise score, so one row per attempt. */
export const deliveryLog = pgTable(
  'delivery_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: uuid('outbox_id')
      .notNull()
      .references(() => outbox.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    channel: text('channel').notNull(),
    personId: uuid('person_id'),
    channelId: uuid('channel_id'),
    address: text('address').notNull(),
    attempt: integer('attempt').notNull(),
    result: text('result').notNull(), // sent | failed | dead | retry_requested
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('delivery_log_ref_idx').on(t.kind, t.ref), index('delivery_log_outbox_idx').on(t.outboxId)],
);

export const inboxItems = pgTable(
  'inbox_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    outboxId: uuid('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    message: jsonb('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbox_outbox_key').on(t.outboxId),
    index('inbox_person_idx').on(t.personId, t.createdAt),
  ],
);
