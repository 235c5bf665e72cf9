import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { DISPOSITIONS } from '../../shared/insights.ts';
import { INSIGHT_KINDS } from '../../shared/insights-taxonomy.ts';
import { areas, people } from './org.ts';

/**
 * One piece of feedback (C6). Bulk intake writes these with raw multi-row INSERTs (never Drizzle's builder: it
 * costs ~18 ms of JS per 1,000 rows). `(source, external_id)` makes intake idempotent; `dup_key` groups
 * near-duplicates (the same text once numbers, links and case are set aside): it is the group's id.
 */
export const insightItems = pgTable(
  'insight_items',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull().default(''),
    customer: text('customer'),
    segment: text('segment'),
    evidenceType: text('evidence_type'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    kind: text('kind', { enum: INSIGHT_KINDS }).notNull(),
    kindConfidence: real('kind_confidence').notNull(),
    theme: text('theme'),
    themeConfidence: real('theme_confidence').notNull().default(0),
    severity: text('severity').notNull(),
    severityConfidence: real('severity_confidence').notNull().default(0),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    areaConfidence: real('area_confidence').notNull().default(0),
    /** Which tags a person set (kind, theme, severity, area): the tagger never overwrites those. */
    correctedTags: text('corrected_tags').array().notNull().default(sql`'{}'::text[]`),
    dupKey: bigint('dup_key', { mode: 'bigint' }).notNull(),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('insight_items_source_key').on(t.source, t.externalId),
    index('insight_items_occurred_idx').on(t.occurredAt),
    index('insight_items_theme_idx').on(t.theme, t.occurredAt),
    index('insight_items_dup_idx').on(t.dupKey),
  ],
);

/**
 * Counts per day and tag combination, kept in the transaction that writes the items: top themes over a million
 * items is then a sum over a few thousand rows, not a scan.
 */
export const insightDaily = pgTable(
  'insight_daily',
  {
    day: date('day').notNull(),
    theme: text('theme').notNull(),
    kind: text('kind', { enum: INSIGHT_KINDS }).notNull(),
    severity: text('severity').notNull(),
    /** '' when the area is not known (part of the key, so not null). */
    areaKey: text('area_key').notNull(),
    segment: text('segment').notNull(),
    source: text('source').notNull(),
    items: integer('items').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.theme, t.kind, t.severity, t.areaKey, t.segment, t.source] })],
);

/** An import run: what was read, written, skipped as already there, and the bad rows with their line. */
export const insightImports = pgTable('insight_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: text('source').notNull(),
  format: text('format').notNull(),
  fileName: text('file_name').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  rowsRead: integer('rows_read').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  alreadyThere: integer('already_there').notNull().default(0),
  badRows: integer('bad_rows').notNull().default(0),
  /** The first bad rows (line + reason); the count above is complete. */
  errors: jsonb('errors').notNull().default([]),
  by: text('by').notNull(),
});

/** A person's correction of a tag: the org's training data for the tagger. */
export const insightCorrections = pgTable(
  'insight_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: bigint('item_id', { mode: 'number' })
      .notNull()
      .references(() => insightItems.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    byPersonId: uuid('by_person_id').references(() => people.id, { onDelete: 'set null' }),
    byLabel: text('by_label').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('insight_corrections_field_idx').on(t.field, t.at)],
);

/** The org's tagger for one field, retrained from its corrections (JSON model, small enough for a row). */
export const taggerModels = pgTable('tagger_models', {
  field: text('field').primaryKey(),
  model: jsonb('model').notNull(),
  examples: integer('examples').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A theme routed to an area's PM by the weekly triage (pack §5), with its evidence at routing time and the PM's
 * disposition. Unresolved high-severity routings escalate to the Monthly Insights Review occurrence.
 */
export const insightRoutings = pgTable(
  'insight_routings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    week: text('week').notNull(),
    theme: text('theme').notNull(),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    rank: integer('rank').notNull(),
    evidence: jsonb('evidence').notNull(),
    crossArea: text('cross_area').array().notNull().default(sql`'{}'::text[]`),
    routedAt: timestamp('routed_at', { withTimezone: true }).notNull().defaultNow(),
    disposition: text('disposition', { enum: DISPOSITIONS }),
    rationale: text('rationale'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    escalatedOccurrenceId: uuid('escalated_occurrence_id'),
  },
  (t) => [uniqueIndex('insight_routings_week_theme').on(t.week, t.theme)],
);
