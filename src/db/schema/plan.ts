import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TPlanCheck } from '../../shared/plan.ts';
import { ritualOccurrences } from './cadence.ts';
import { people } from './org.ts';

/** A timebox's words, as Product Ops keeps them (seeded from pack §7). */
export interface TimeboxText {
  goal: string;
  scope: string;
  pilotArea: string;
  pilotAreaId: string | null;
  metrics: string[];
  risks: string[];
}

/** Issue 16 (C8): the org's one 30/60/90 plan (`one` is always true: a second row cannot exist). */
export const plans = pgTable(
  'plans',
  {
    one: boolean('one').primaryKey().default(true),
    startOn: text('start_on').notNull(),
    timeboxes: jsonb('timeboxes').$type<TimeboxText[]>().notNull(),
    startedBy: uuid('started_by').references(() => people.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('plans_one', sql`${t.one}`)],
);

/** A timebox's deliverable: checked by the records (`check`) or ticked by Product Ops with a note. */
export const planDeliverables = pgTable(
  'plan_deliverables',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    timebox: integer('timebox').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    check: text('check').$type<TPlanCheck>(),
    done: boolean('done').notNull().default(false),
    note: text('note'),
    tickedBy: uuid('ticked_by').references(() => people.id, { onDelete: 'set null' }),
    tickedAt: timestamp('ticked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('plan_deliverables_position').on(t.timebox, t.position),
    check('plan_deliverables_timebox', sql`${t.timebox} between 1 and 3`),
  ],
);

export interface RetroAction {
  title: string;
  ownerId: string;
  dueOn: string | null;
}

/** The week 4 / 8 / 12 retrospective: the artifact of its occurrence on the cadence calendar. */
export const planRetros = pgTable('plan_retros', {
  week: integer('week').primaryKey(),
  occurrenceId: uuid('occurrence_id').references(() => ritualOccurrences.id, { onDelete: 'set null' }),
  working: text('working').notNull(),
  overhead: text('overhead').notNull(),
  adjust: text('adjust').notNull(),
  actions: jsonb('actions').$type<RetroAction[]>().notNull(),
  recordedBy: uuid('recorded_by').references(() => people.id, { onDelete: 'set null' }),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});
