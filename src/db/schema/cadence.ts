import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
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
import {
  HOLIDAY_POLICIES,
  OCCURRENCE_STATUSES,
  type TAttendees,
  type TSchedule,
} from '../../shared/cadence.ts';
import { ROLES } from '../../shared/roles.ts';
import { people } from './org.ts';

export const rituals = pgTable(
  'rituals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    schedule: jsonb('schedule').$type<TSchedule>().notNull(),
    holidayPolicy: text('holiday_policy', { enum: HOLIDAY_POLICIES }).notNull().default('next_business_day'),
    durationMinutes: integer('duration_minutes').notNull(),
    timeBox: text('time_box').notNull().default(''),
    ownerRole: text('owner_role', { enum: ROLES }).notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    attendees: jsonb('attendees').$type<TAttendees>().notNull(),
    inputs: text('inputs').array().notNull().default(sql`'{}'::text[]`),
    agenda: jsonb('agenda').$type<{ minutes: number; item: string }[]>().notNull(),
    outputArtifact: text('output_artifact').notNull(),
    artifactDueHours: integer('artifact_due_hours').notNull().default(24),
    reminderMinutes: integer('reminder_minutes'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rituals_slug_key').on(t.slug),
    // "No just-a-meeting entries", enforced by the database too.
    check('rituals_output_artifact_present', sql`length(trim(${t.outputArtifact})) > 0`),
  ],
);

export const ritualOccurrences = pgTable(
  'ritual_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ritualId: uuid('ritual_id')
      .notNull()
      .references(() => rituals.id, { onDelete: 'cascade' }),
    /** The nominal local date the schedule produced (or a release id for per-release rituals). */
    key: text('key').notNull(),
    localDate: text('local_date').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: OCCURRENCE_STATUSES }).notNull(),
    shiftedFrom: text('shifted_from'),
    holiday: text('holiday'),
    artifactDueAt: timestamp('artifact_due_at', { withTimezone: true }).notNull(),
    artifactProducedAt: timestamp('artifact_produced_at', { withTimezone: true }),
    artifactRef: text('artifact_ref'),
    notes: text('notes').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ritual_occurrences_key').on(t.ritualId, t.key),
    index('ritual_occurrences_starts_idx').on(t.startsAt),
  ],
);

export const occurrenceAttendance = pgTable(
  'occurrence_attendance',
  {
    occurrenceId: uuid('occurrence_id')
      .notNull()
      .references(() => ritualOccurrences.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId, t.personId] })],
);
