import {
  bigserial,
  boolean,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FOLLOW_UP_STATUSES } from '../../shared/updates.ts';
import { areas, people } from './org.ts';

/** One weekly update cycle per ISO week; its instants are fixed when the cycle opens (org time zone). */
export const updateCycles = pgTable('update_cycles', {
  week: text('week').primaryKey(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  publishAt: timestamp('publish_at', { withTimezone: true }).notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const updateSubmissions = pgTable(
  'update_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    week: text('week')
      .notNull()
      .references(() => updateCycles.week, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => people.id, { onDelete: 'set null' }),
    content: jsonb('content').notNull(),
    late: boolean('late').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('update_submissions_week_area').on(t.week, t.areaId)],
);

/** Every edit keeps the text it replaced. */
export const updateRevisions = pgTable('update_revisions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  submissionId: uuid('submission_id')
    .notNull()
    .references(() => updateSubmissions.id, { onDelete: 'cascade' }),
  content: jsonb('content').notNull(),
  editedBy: text('edited_by').notNull(),
  editedAt: timestamp('edited_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A PM marked absent for a week counts as contributed for the definition of done. */
export const updateAbsences = pgTable(
  'update_absences',
  {
    week: text('week')
      .notNull()
      .references(() => updateCycles.week, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull().default(''),
    markedBy: text('marked_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.week, t.areaId] })],
);

/** Flagged risks become follow-ups owned by the area's PM and eng lead, visible until closed. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source').notNull(),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    assigneeIds: uuid('assignee_ids').array().notNull(),
    status: text('status', { enum: FOLLOW_UP_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
  },
  (t) => [uniqueIndex('follow_ups_source_title').on(t.source, t.areaId, t.title)],
);
