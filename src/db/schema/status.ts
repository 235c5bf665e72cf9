import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { FUNCTIONS } from '../../shared/roles.ts';
import {
  STATUS_CHANNELS,
  STATUS_SEARCH_AUDIENCES,
  STATUS_SUBJECTS,
  type TStatusMatch,
} from '../../shared/status.ts';
import { areas, people } from './org.ts';

/**
 * Every "what's the status of X?" asked of prodops (issue 14): who asked, in which function and channel, what it
 * matched and whether it was answered. Answered ones are pings a PM did not have to answer (C8); unanswered
 * ones tell Product Ops what people look for and cannot find.
 */
export const statusQuestions = pgTable(
  'status_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The asker's function when asked (kept if they move or leave). */
    function: text('function', { enum: FUNCTIONS }),
    channel: text('channel', { enum: STATUS_CHANNELS }).notNull(),
    text: text('text').notNull(),
    /** What it matched, best first (the card's, or the choices offered). */
    matched: jsonb('matched').$type<TStatusMatch[]>().notNull(),
    answered: boolean('answered').notNull(),
  },
  (t) => [index('status_questions_asked_idx').on(t.askedAt)],
);

/**
 * The status pings found in chat (the pack's "sample audit", done from a Slack export): one row per message that
 * asks for a status, with the thing it names and its area when prodops knows it. Idempotent on channel + ts, so
 * importing an overlapping export again adds only what is new.
 */
export const statusPings = pgTable(
  'status_pings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source', { enum: ['slack_export'] }).notNull(),
    channel: text('channel').notNull(),
    /** Slack's id of the message in its channel. */
    ts: text('ts').notNull(),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    userName: text('user_name'),
    text: text('text').notNull(),
    /** What it asks about, in the asker's words; null when it names nothing ("any update?"). */
    subject: text('subject'),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'set null' }),
    /** Where to find the message ("#sales/p1772471000000200"). */
    reference: text('reference').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('status_pings_message_key').on(t.source, t.channel, t.ts),
    index('status_pings_posted_idx').on(t.postedAt),
  ],
);

/**
 * What a status question searches: one row per title a reader may ask about (releases, decisions and areas for
 * everyone; a roadmap item's working title for the org and, once ratified and shown to stakeholders, its ratified
 * title for them), with one trigram GIN index. Triggers on releases, decisions, areas, roadmap items and their
 * versions keep it (migration 0012): nothing in the application writes it. `fastupdate` is off so a fresh title
 * is in the index at once rather than in a pending list every search would read.
 */
export const statusSearch = pgTable(
  'status_search',
  {
    subject: text('subject', { enum: STATUS_SUBJECTS }).notNull(),
    id: uuid('id').notNull(),
    audience: text('audience', { enum: STATUS_SEARCH_AUDIENCES }).notNull(),
    title: text('title').notNull(),
    /** The area it belongs to (an area's own id for an area); the name is joined when asked, so a rename shows. */
    areaId: uuid('area_id'),
  },
  (t) => [
    primaryKey({ columns: [t.subject, t.id, t.audience] }),
    index('status_search_title_trgm_idx')
      .using('gin', sql`lower(${t.title}) gin_trgm_ops`)
      .with({ fastupdate: false }),
  ],
);
