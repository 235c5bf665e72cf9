import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { BUG_CLOSED_REASONS, BUG_DISPOSITIONS, BUG_SOURCES, BUG_STATES } from '../../shared/bugs.ts';
import { areas, people } from './org.ts';

/**
 * An area's stays in Polish Mode (issue 15), as the daily check saw them: the gate computes Polish Mode from the
 * records each time; these rows are the history and what makes "the pod was told" happen once per spell.
 */
export const areaPolishSpells = pgTable(
  'area_polish_spells',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    enteredOn: date('entered_on', { mode: 'string' }).notNull(),
    /** The figure that put it there (ConfusionFigure). */
    figure: jsonb('figure').notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // One open spell per area, even when two instances run the daily check at once.
    uniqueIndex('area_polish_spells_open_key').on(t.areaId).where(sql`left_on is null`),
    index('area_polish_spells_area_idx').on(t.areaId, t.enteredOn),
  ],
);

/**
 * Active users per area and month ("2026-11"), as entered, imported or posted: a month's operational burden
 * divides by that month's users (the latest count at or before it).
 */
export const areaActiveUsers = pgTable(
  'area_active_users',
  {
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    users: integer('users').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.areaId, t.month] })],
);

/**
 * One bug (issue 15, no bug backlog): open or closed, from a source — a group of near-duplicate `bug` feedback
 * items ("insights", the group's key as external_id) or, later, a tracker's issue (github, jira, linear, by its
 * id) — so every source feeds the one model. A bug open longer than `thresholds.bugMaxOpenDays` with no
 * decision is put to its area's PM and the week's production-engineering rotation, once (`prompted_at`). The
 * decision (fix now, with who; or won't fix, with why, which closes it) is the latest one: every decision and
 * close is in the audit log.
 */
export const bugs = pgTable(
  'bugs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source', { enum: BUG_SOURCES }).notNull(),
    externalId: text('external_id').notNull(),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    /** The first report's day in the org's time zone: the bug's age counts from it. */
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    reports: integer('reports').notNull().default(1),
    lastReportedAt: timestamp('last_reported_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: BUG_STATES }).notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedReason: text('closed_reason', { enum: BUG_CLOSED_REASONS }),
    closedBy: text('closed_by'),
    disposition: text('disposition', { enum: BUG_DISPOSITIONS }),
    assigneeId: uuid('assignee_id').references(() => people.id, { onDelete: 'set null' }),
    wontFixReason: text('wont_fix_reason'),
    decidedBy: text('decided_by'),
    decidedById: uuid('decided_by_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    promptedAt: timestamp('prompted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('bugs_source_key').on(t.source, t.externalId),
    index('bugs_area_state_idx').on(t.areaId, t.state, t.openedOn),
    check('bugs_closed_check', sql`(${t.state} = 'open') = (${t.closedAt} is null)`),
    check(
      'bugs_wont_fix_check',
      sql`${t.disposition} is distinct from 'wont_fix' or coalesce(length(${t.wontFixReason}), 0) > 0`,
    ),
  ],
);
