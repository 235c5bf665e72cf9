import { sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DECISION_EVENT_KINDS, DECISION_STATUSES } from '../../shared/decisions.ts';
import { ITEM_VERSION_KINDS, REVIEW_OUTCOMES, type TRoadmapItemState } from '../../shared/roadmap.ts';
import { ritualOccurrences } from './cadence.ts';
import { areas, people } from './org.ts';

/**
 * A roadmap item (C4). The row is the working state PMs edit; stakeholders only ever see the version the Head of
 * Product ratified (`ratifiedVersion`), so a change waits for the Roadmap Review before it reaches them.
 */
export const roadmapItems = pgTable(
  'roadmap_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'restrict' }),
    state: jsonb('state').$type<TRoadmapItemState>().notNull(),
    version: integer('version').notNull().default(1),
    /** null: never ratified, stakeholders have never seen it. */
    ratifiedVersion: integer('ratified_version'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmap_items_area_idx').on(t.areaId)],
);

/** Append-only: every state an item has had, with who changed it, when and why. */
export const roadmapItemVersions = pgTable(
  'roadmap_item_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    state: jsonb('state').$type<TRoadmapItemState>().notNull(),
    /** edit | revert (a change the Head of Product rejected, undone) */
    kind: text('kind', { enum: ITEM_VERSION_KINDS }).notNull().default('edit'),
    note: text('note').notNull().default(''),
    changedById: uuid('changed_by_id').references(() => people.id, { onDelete: 'set null' }),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('roadmap_item_versions_key').on(t.itemId, t.version),
    index('roadmap_item_versions_at_idx').on(t.changedAt),
  ],
);

/**
 * How big an item is, in engineer-weeks: the product org's planning estimate for the trade-off menu (issue 15).
 * Kept beside the item, not in its versioned state, so sizing is not a roadmap change to ratify.
 */
export const roadmapItemSizes = pgTable('roadmap_item_sizes', {
  itemId: uuid('item_id')
    .primaryKey()
    .references(() => roadmapItems.id, { onDelete: 'cascade' }),
  engineerWeeks: doublePrecision('engineer_weeks').notNull(),
  setBy: text('set_by').notNull(),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
});

/**
 * Append-only: when stakeholders could first read a version of an item (ratified, or restored by a rejection).
 * "What changed" for stakeholders compares what was ratified at two instants.
 */
export const roadmapItemRatifications = pgTable(
  'roadmap_item_ratifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('roadmap_item_ratifications_item_idx').on(t.itemId, t.at)],
);

/** A Biweekly Roadmap Review as run in prodops: one per cadence occurrence. */
export const roadmapReviews = pgTable(
  'roadmap_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => ritualOccurrences.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    startedBy: text('started_by').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    /** The agenda as it stood when the review closed (live until then). */
    agenda: jsonb('agenda'),
    /** The stakeholder view must be republished by then (settings.deadlines.roadmapViewRepublishHours). */
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    republishedAt: timestamp('republished_at', { withTimezone: true }),
    viewVersion: integer('view_version'),
  },
  (t) => [uniqueIndex('roadmap_reviews_occurrence_key').on(t.occurrenceId)],
);

/** The Head of Product's call on one item's pending changes during a review. */
export const roadmapReviewOutcomes = pgTable(
  'roadmap_review_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => roadmapReviews.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
    /** ratified | rejected */
    outcome: text('outcome', { enum: REVIEW_OUTCOMES }).notNull(),
    fromVersion: integer('from_version'),
    toVersion: integer('to_version').notNull(),
    note: text('note').notNull().default(''),
    decidedBy: text('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('roadmap_review_outcomes_review_idx').on(t.reviewId)],
);

/**
 * The decision log (pack §4). Append-only: what was decided never changes; `status` and `nextReviewDate` move
 * only through decision_events (revisited, superseded), and the trigger in the migration refuses the rest.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: serial('number').notNull(),
    decidedOn: text('decided_on').notNull(),
    title: text('title').notNull(),
    context: text('context').notNull(),
    options: text('options').array().notNull(),
    rationale: text('rationale').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    reviewDate: text('review_date').notNull(),
    roadmapItemIds: uuid('roadmap_item_ids').array().notNull().default(sql`'{}'::uuid[]`),
    releaseIds: uuid('release_ids').array().notNull().default(sql`'{}'::uuid[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    supersedesId: uuid('supersedes_id'),
    /** The review it was recorded in, if any. */
    reviewId: uuid('review_id').references(() => roadmapReviews.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** active | superseded */
    status: text('status', { enum: DECISION_STATUSES }).notNull().default('active'),
    supersededById: uuid('superseded_by_id'),
    nextReviewDate: text('next_review_date').notNull(),
  },
  (t) => [
    uniqueIndex('decisions_number_key').on(t.number),
    index('decisions_review_idx').on(t.status, t.nextReviewDate),
  ],
);

/** What happened to a decision after it was recorded: revisited (kept, with a new review date), superseded, reminded. */
export const decisionEvents = pgTable(
  'decision_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    decisionId: uuid('decision_id')
      .notNull()
      .references(() => decisions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DECISION_EVENT_KINDS }).notNull(),
    note: text('note').notNull().default(''),
    nextReviewDate: text('next_review_date'),
    relatedDecisionId: uuid('related_decision_id'),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('decision_events_decision_idx').on(t.decisionId, t.at)],
);
