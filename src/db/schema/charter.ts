import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TCharterContent, TEvidenceLink } from '../../shared/charter.ts';
import { people } from './org.ts';

/**
 * Issue 16 (C8): the org's charter, one row per save (the pack's text is the default until the first). Rows are
 * never changed: the history is who saved what, when.
 */
export const charterVersions = pgTable(
  'charter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<TCharterContent>().notNull(),
    changed: text('changed').array().notNull().default(sql`'{}'::text[]`),
    savedById: uuid('saved_by_id').references(() => people.id, { onDelete: 'set null' }),
    savedBy: text('saved_by').notNull(),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('charter_versions_version_key').on(t.version)],
);

/**
 * The quarter's top frictions (pack §0), ranked, each with its evidence and the rituals and artifacts that
 * address it. Retired ones keep their row (rank null) so a QBR can say what was dropped.
 */
export const frictions = pgTable(
  'frictions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rank: integer('rank'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    evidenceLinks: jsonb('evidence_links').$type<TEvidenceLink[]>().notNull().default(sql`'[]'::jsonb`),
    ritualIds: uuid('ritual_ids').array().notNull().default(sql`'{}'::uuid[]`),
    artifacts: text('artifacts').array().notNull().default(sql`'{}'::text[]`),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('frictions_rank_idx').on(t.rank),
    check('frictions_rank_when_active', sql`(${t.retiredAt} is null) = (${t.rank} is not null)`),
  ],
);
