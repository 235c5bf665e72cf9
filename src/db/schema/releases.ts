import { sql } from 'drizzle-orm';
import {
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
import { READINESS_LINK_KINDS } from '../../shared/release-detail.ts';
import {
  ACTION_ITEM_STATUSES,
  DECISIONS,
  POST_LAUNCH_KINDS,
  RELEASE_STATUSES,
  SIGN_OFF_INPUT_KINDS,
} from '../../shared/releases.ts';
import { areas, people } from './org.ts';

/** A release (C5): what ships, when, at which tier; the weekly update's highlights read it too. */
export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    pmOwnerId: uuid('pm_owner_id').references(() => people.id, { onDelete: 'set null' }),
    engOwnerId: uuid('eng_owner_id').references(() => people.id, { onDelete: 'set null' }),
    tier: integer('tier'),
    targetDate: text('target_date').notNull(),
    status: text('status', { enum: RELEASE_STATUSES }).notNull().default('planned'),
    /** Keys of settings.releaseAttributes; the tier suggestion is computed from them. */
    attributes: text('attributes').array().notNull().default(sql`'{}'::text[]`),
    suggestedTier: integer('suggested_tier'),
    suggestedReason: text('suggested_reason'),
    /** Why the PM assigned the tier (required when it differs from the suggestion). */
    tierReason: text('tier_reason'),
    launchedOn: text('launched_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('releases_target_idx').on(t.targetDate),
    // "What's the status of X?" searches titles in status_search (schema/status.ts), kept by triggers.
  ],
);

/** Append-only: every change of suggestion or assigned tier, with its reason. */
export const releaseTierEvents = pgTable(
  'release_tier_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    by: text('by').notNull(),
    attributes: text('attributes').array().notNull(),
    suggestedTier: integer('suggested_tier').notNull(),
    suggestedReason: text('suggested_reason').notNull(),
    assignedTier: integer('assigned_tier'),
    note: text('note'),
  },
  (t) => [index('release_tier_events_release_idx').on(t.releaseId, t.at)],
);

/** The working draft of a release's enablement bundle; distributions and publications are artifact versions. */
export const enablementBundles = pgTable('enablement_bundles', {
  releaseId: uuid('release_id')
    .primaryKey()
    .references(() => releases.id, { onDelete: 'cascade' }),
  sections: jsonb('sections').notNull().default({}),
  distributedOn: text('distributed_on'),
  distributedAt: timestamp('distributed_at', { withTimezone: true }),
  publishedOn: text('published_on'),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

/** The current readiness confirmations (one per kind); withdrawals and history live in the audit log. */
export const releaseSignOffs = pgTable(
  'release_sign_offs',
  {
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SIGN_OFF_INPUT_KINDS }).notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    byLabel: text('by_label').notNull(),
    note: text('note').notNull().default(''),
    /** false: "not ready, because…" (the note says why); the latest answer of each kind counts. */
    ready: boolean('ready').notNull().default(true),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('release_sign_offs_key').on(t.releaseId, t.kind)],
);

/** Go/no-go decisions, append-only: the latest one counts. */
export const releaseDecisions = pgTable(
  'release_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    reason: text('reason').notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    byLabel: text('by_label').notNull(),
    newTargetDate: text('new_target_date'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('release_decisions_release_idx').on(t.releaseId, t.at)],
);

/**
 * Private one-click readiness links, made when a bundle's email or Slack copy is sent (one per copy); the token
 * is the credential and only its SHA-256 is kept.
 */
export const readinessLinks = pgTable('readiness_links', {
  tokenHash: text('token_hash').primaryKey(),
  releaseId: uuid('release_id')
    .notNull()
    .references(() => releases.id, { onDelete: 'cascade' }),
  personId: uuid('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: READINESS_LINK_KINDS }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Day 3 check-in and Day 14 retro of a launched Tier 2/3 release. */
export const postLaunchChecks = pgTable(
  'post_launch_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: POST_LAUNCH_KINDS }).notNull(),
    dueOn: text('due_on').notNull(),
    answers: jsonb('answers').notNull().default({}),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: text('completed_by'),
  },
  (t) => [uniqueIndex('post_launch_checks_key').on(t.releaseId, t.kind)],
);

/** The retro's 1–3 improvements to the enablement process, owned by Product Ops and tracked to done. */
export const releaseActionItems = pgTable(
  'release_action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    status: text('status', { enum: ACTION_ITEM_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: text('done_by'),
  },
  (t) => [index('release_action_items_status_idx').on(t.status)],
);

/**
 * Logged overrides of failing gate checks by the Head of Product (SPEC: "every gate has an explicit, logged
 * override by the accountable role"). Rows are never deleted: a revoked or expired override stays as history.
 */
export const releaseGateOverrides = pgTable(
  'release_gate_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => releases.id, { onDelete: 'cascade' }),
    /** A gate check id: a default one (sign_offs, lead_time…) or one a policy registered (polish_mode). */
    checkId: text('check_id').notNull(),
    reason: text('reason').notNull(),
    byPersonId: uuid('by_person_id').references(() => people.id, { onDelete: 'set null' }),
    byLabel: text('by_label').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByLabel: text('revoked_by_label'),
  },
  (t) => [index('release_gate_overrides_release_idx').on(t.releaseId, t.createdAt)],
);
