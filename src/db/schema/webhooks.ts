import { sql } from 'drizzle-orm';
import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { WEBHOOK_EVENTS } from '../../shared/webhooks.ts';
import { people } from './org.ts';
import { releases } from './releases.ts';

/**
 * Outbound webhooks (issue 18): a URL and the events it hears. The secret signs each body (HMAC-SHA256), so it is
 * kept as the app keeps its other sending secrets (Slack webhook URLs): in the row, shown once at creation.
 */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  events: text('events', { enum: WEBHOOK_EVENTS }).array().notNull().default(sql`'{}'::text[]`),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdById: uuid('created_by_id').references(() => people.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** What webhooks were last told of a release's gate: release.gate_changed goes out when it differs. */
export const webhookGateStates = pgTable('webhook_gate_states', {
  releaseId: uuid('release_id')
    .primaryKey()
    .references(() => releases.id, { onDelete: 'cascade' }),
  state: jsonb('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
