import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FUNCTIONS } from '../../shared/roles.ts';
import { STATUS_CHANNELS, type TStatusMatch } from '../../shared/status.ts';
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
