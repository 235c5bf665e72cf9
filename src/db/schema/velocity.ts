import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { BET_STATUSES, type TBetProfile } from '../../shared/bets.ts';
import { people, pods } from './org.ts';
import { decisions, roadmapItems } from './roadmap.ts';

/**
 * Issue 15 (C7): a bet a pod makes, with its profile (the cluster and approach are computed from it on every
 * read, so a change of the rule reaches every bet). A deleted pod leaves its bets without one.
 */
export const bets = pgTable(
  'bets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    podId: uuid('pod_id').references(() => pods.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    profile: jsonb('profile').$type<TBetProfile>().notNull(),
    status: text('status', { enum: BET_STATUSES }).notNull().default('open'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('bets_pod_idx').on(t.podId, t.status)],
);

/** The roadmap items a bet stands behind. */
export const betRoadmapItems = pgTable(
  'bet_roadmap_items',
  {
    betId: uuid('bet_id')
      .notNull()
      .references(() => bets.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => roadmapItems.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.betId, t.itemId] }), index('bet_roadmap_items_item_idx').on(t.itemId)],
);

/** An experiment run under a bet: what it tests, what would say it works or harms, what was not chosen. */
export const experimentBriefs = pgTable(
  'experiment_briefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    betId: uuid('bet_id')
      .notNull()
      .references(() => bets.id, { onDelete: 'cascade' }),
    experiment: text('experiment').notNull(),
    opportunity: text('opportunity').notNull(),
    positiveSignals: text('positive_signals').array().notNull().default(sql`'{}'::text[]`),
    harmfulIndicators: text('harmful_indicators').array().notNull().default(sql`'{}'::text[]`),
    optionsNotChosen: jsonb('options_not_chosen')
      .$type<{ option: string; why: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    learningGoals: text('learning_goals').array().notNull().default(sql`'{}'::text[]`),
    /** The last day of the time box (org calendar date). */
    timeBoxEnd: text('time_box_end'),
    decisionId: uuid('decision_id').references(() => decisions.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('experiment_briefs_bet_idx').on(t.betId)],
);
