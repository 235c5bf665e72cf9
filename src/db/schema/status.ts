import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { FUNCTIONS } from '../../shared/roles.ts';
import { STATUS_CHANNELS, type TStatusMatch } from '../../shared/status.ts';
import { people } from './org.ts';

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
