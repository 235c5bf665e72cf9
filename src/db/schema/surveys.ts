import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SURVEY_KINDS } from '../../shared/surveys.ts';
import { people } from './org.ts';
import { releases } from './releases.ts';

/**
 * One survey sent to one person (issue 16): the launch-awareness question after a Tier 2/3 launch (subject: the
 * release id) or the quarterly PM pulse (subject: the quarter, "2026-Q4"). The one-click token is kept only as
 * its SHA-256: the database never holds a usable link.
 */
export const surveyRequests = pgTable(
  'survey_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: SURVEY_KINDS }).notNull(),
    subject: text('subject').notNull(),
    releaseId: uuid('release_id').references(() => releases.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_requests_once').on(t.kind, t.subject, t.personId),
    uniqueIndex('survey_requests_token').on(t.tokenHash),
  ],
);

/** "Were you aware of this release before it shipped?": one answer per request; answering again replaces it. */
export const awarenessAnswers = pgTable('awareness_answers', {
  requestId: uuid('request_id')
    .primaryKey()
    .references(() => surveyRequests.id, { onDelete: 'cascade' }),
  aware: boolean('aware').notNull(),
  comment: text('comment'),
  answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
});

/**
 * A PM pulse answer, anonymous by construction: no person, no request and no instant (an instant would match
 * the request's answered_at). Only the quarter ties it to anything; the request is marked answered instead.
 */
export const pulseAnswers = pgTable('pulse_answers', {
  id: uuid('id').primaryKey().defaultRandom(),
  quarter: text('quarter').notNull(),
  score: integer('score').notNull(),
  comment: text('comment'),
});
