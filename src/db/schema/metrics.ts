import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per statement that changed a table a metric reads (written by triggers, migration 0021): insert-only,
 * so busy writers never wait on each other. A metric's version is its rows' count and last id.
 */
export const metricChanges = pgTable(
  'metric_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
  },
  (t) => [index('metric_changes_key_idx').on(t.key, t.id)],
);

/** A metric as last computed for a window, with its records: served while its tables and day are unchanged. */
export const metricSnapshots = pgTable(
  'metric_snapshots',
  {
    key: text('key').notNull(),
    weeks: integer('weeks').notNull(),
    /** The org's local date it was computed on: the window moves at midnight. */
    today: text('today').notNull(),
    /** The metric's version (changes count:last id) read before computing. */
    version: text('version').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    metric: jsonb('metric').notNull(),
    records: jsonb('records').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.weeks] })],
);
