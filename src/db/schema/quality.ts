import { sql } from 'drizzle-orm';
import {
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
import { areas } from './org.ts';

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
