import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BROADCAST_KINDS, BROADCAST_STATUSES } from '../../shared/broadcasts.ts';
import { DELIVERY_CHANNELS, DELIVERY_RESULTS, DELIVERY_STATUSES } from '../../shared/delivery.ts';
import { ACTION_KINDS, ACTION_STATUSES, LATE_POLICIES } from '../../shared/scheduling.ts';
import { channels } from './delivery.ts';
import { people } from './org.ts';
import { webhookSubscriptions } from './webhooks.ts';

/*
 * The platform's tables, shared by every capability: the audit log, scheduled actions, published artifact
 * versions, and the outbox with its delivery log and the in-app inbox the relay writes.
 */

/** Every mutation, written in the same transaction as the change. No FK on actor: the log outlives people. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    change: jsonb('change').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entityType, t.entityId), index('audit_at_idx').on(t.at)],
);

/**
 * Work to do at an instant (reminders, auto-publish, escalations). The row is the truth: whichever app instance
 * claims it first (row lock, conditional update) runs its effect in the same transaction, so it runs once.
 */
export const scheduledActions = pgTable(
  'scheduled_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ACTION_KINDS }).notNull(),
    key: text('key').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** run_late: run once on return after downtime; skip_if_late: past the grace, record it as missed. */
    latePolicy: text('late_policy', { enum: LATE_POLICIES }).notNull(),
    graceSeconds: integer('grace_seconds').notNull().default(900),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    ranAt: timestamp('ran_at', { withTimezone: true }),
    ranBy: text('ran_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scheduled_actions_key').on(t.key),
    index('scheduled_actions_due_idx').on(t.status, t.dueAt),
  ],
);

/**
 * Published artifacts are immutable versions (markdown + structured JSON); a correction is a new version that
 * says what changed. Pages, feeds, Slack and email render from these rows.
 */
export const artifactVersions = pgTable(
  'artifact_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    markdown: text('markdown').notNull(),
    json: jsonb('json').notNull(),
    changes: text('changes').array().notNull().default(sql`'{}'::text[]`),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [
    uniqueIndex('artifact_versions_key').on(t.kind, t.key, t.version),
    index('artifact_versions_published_idx').on(t.kind, t.publishedAt),
  ],
);

/**
 * An action that notifies people (publishing the weekly update, a ratification or rejection), undoable until
 * `send_at`: its messages wait in the outbox as `held`, and `undo` says how to put its state back.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: BROADCAST_KINDS }).notNull(),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sendAt: timestamp('send_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull(),
    undo: jsonb('undo').notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: text('undone_by'),
  },
  (t) => [index('broadcasts_ref_idx').on(t.kind, t.ref)],
);

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
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    /** A webhook copy's subscription: its URL and secret are read when sending, so a rotation counts at once. */
    webhookId: uuid('webhook_id').references(() => webhookSubscriptions.id, { onDelete: 'set null' }),
    address: text('address').notNull(),
    message: jsonb('message').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    /** The undoable action that wrote it: `held` until its window ends (then pending), deleted if undone. */
    broadcastId: uuid('broadcast_id').references(() => broadcasts.id, { onDelete: 'set null' }),
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
    index('outbox_broadcast_idx').on(t.broadcastId),
    index('outbox_webhook_idx').on(t.webhookId, t.createdAt),
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
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    personId: uuid('person_id'),
    channelId: uuid('channel_id'),
    address: text('address').notNull(),
    attempt: integer('attempt').notNull(),
    result: text('result', { enum: DELIVERY_RESULTS }).notNull(),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('delivery_log_ref_idx').on(t.kind, t.ref), index('delivery_log_outbox_idx').on(t.outboxId)],
);

/** The in-app inbox: the relay writes one row per outbox message sent to the inbox channel. */
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
