import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { awarenessAnswers, people, pulseAnswers, releases, surveyRequests } from '../../db/schema/index.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import {
  AWARENESS_QUESTION,
  PULSE_FREE_TEXT,
  PULSE_STATEMENT,
  type TSurveyAnswerInput,
  type TSurveyView,
} from '../../shared/surveys.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getSettings } from '../org/settings.ts';
import { quarterLabel } from './pulse.ts';
import { requestByToken, type SurveyRequest } from './requests.ts';

const unknownLink = () =>
  new AppError('not_found', 'this survey link is not valid (it may be mistyped, or the release was removed)');

async function view(db: Db, r: SurveyRequest): Promise<TSurveyView> {
  const [person] = await db.select({ name: people.name }).from(people).where(eq(people.id, r.personId));
  const base = { id: r.id, kind: r.kind, person: person?.name ?? '', sentAt: r.sentAt.toISOString() };
  const answeredAt = r.answeredAt?.toISOString() ?? null;
  if (r.kind === 'pm_pulse') {
    const title = `PM pulse — ${quarterLabel(await getSettings(db), r.subject)}`;
    return { ...base, title, question: PULSE_STATEMENT, freeText: PULSE_FREE_TEXT, answeredAt, aware: null };
  }
  const [rel] = await db.select({ title: releases.title }).from(releases).where(eq(releases.id, r.subject));
  const a = await awarenessAnswerOf(db, r.id);
  return {
    ...base,
    title: rel?.title ?? 'A release',
    question: AWARENESS_QUESTION,
    freeText: 'Anything to add? (optional)',
    answeredAt,
    aware: a?.aware ?? null,
  };
}

export async function surveyByToken(db: Db, token: string): Promise<TSurveyView> {
  const r = await requestByToken(db, token);
  if (!r) throw unknownLink();
  return view(db, r);
}

/** The answer the survey's kind asks for, or a 400 naming the field that is missing or out of place. */
function checkAnswer(kind: SurveyRequest['kind'], input: TSurveyAnswerInput) {
  if (kind === 'launch_awareness') {
    if (input.aware === undefined)
      throw invalid([{ path: 'aware', message: 'say whether you knew (true or false)' }]);
    if (input.score !== undefined)
      throw invalid([{ path: 'score', message: 'this survey asks yes or no, not a score' }]);
  } else {
    if (input.score === undefined) throw invalid([{ path: 'score', message: 'give a score from 1 to 5' }]);
    if (input.aware !== undefined)
      throw invalid([{ path: 'aware', message: 'this survey asks for a score' }]);
  }
}

/** The awareness answer already given to this request, or null. */
export async function awarenessAnswerOf(db: Db, requestId: string) {
  const [a] = await db.select().from(awarenessAnswers).where(eq(awarenessAnswers.requestId, requestId));
  return a ?? null;
}

const alreadyAnswered = () =>
  new AppError('conflict', 'you have already answered this survey: your answer is recorded');

/**
 * Records one answer. Awareness: one row per request, so answering again replaces it (it counts once); with
 * `once` (a Slack button) a request already answered is refused instead, so a retried click changes nothing.
 * Pulse: the answer is stored without any link to the person, so it cannot be replaced: a second answer is
 * refused.
 */
export async function answerRequest(
  db: Db,
  r: SurveyRequest,
  input: TSurveyAnswerInput,
  actor: Actor,
  now: Date,
  o: { once?: boolean } = {},
) {
  checkAnswer(r.kind, input);
  const comment = input.comment?.trim() || null;
  return db.transaction(async (tx) => {
    if (r.kind === 'pm_pulse') {
      // The claim and the insert are one transaction: two racing clicks leave one answer.
      const claimed = await tx
        .update(surveyRequests)
        .set({ answeredAt: now })
        .where(and(eq(surveyRequests.id, r.id), isNull(surveyRequests.answeredAt)))
        .returning({ id: surveyRequests.id });
      if (!claimed.length)
        throw new AppError(
          'conflict',
          'you have already answered this pulse: each PM answers once, anonymously',
        );
      await tx.insert(pulseAnswers).values({ quarter: r.subject, score: input.score!, comment });
    } else {
      // The same claim as the pulse's: of two racing clicks, one records.
      if (o.once) {
        const claimed = await tx
          .update(surveyRequests)
          .set({ answeredAt: now })
          .where(and(eq(surveyRequests.id, r.id), isNull(surveyRequests.answeredAt)))
          .returning({ id: surveyRequests.id });
        if (!claimed.length) throw alreadyAnswered();
      }
      const values = { requestId: r.id, aware: input.aware!, comment, answeredAt: now };
      await tx
        .insert(awarenessAnswers)
        .values(values)
        .onConflictDoUpdate({ target: awarenessAnswers.requestId, set: values });
      await tx.update(surveyRequests).set({ answeredAt: now }).where(eq(surveyRequests.id, r.id));
    }
    await recordAudit(tx, {
      actor,
      action: 'survey.answer',
      entityType: 'survey',
      entityId: r.subject,
      // The pulse's audit says that an answer came, never which.
      change: r.kind === 'pm_pulse' ? { kind: r.kind } : { kind: r.kind, aware: input.aware },
    });
    return {
      answered: true as const,
      kind: r.kind,
      title: (await view(tx, { ...r, answeredAt: now })).title,
    };
  });
}

/** Answers by the one-click link: the token is the credential. */
export async function answerByToken(db: Db, token: string, input: TSurveyAnswerInput, now: Date) {
  const r = await requestByToken(db, token);
  if (!r) throw unknownLink();
  const [p] = await db.select({ name: people.name }).from(people).where(eq(people.id, r.personId));
  const actor: Actor = { personId: r.personId, label: `${p?.name ?? 'someone'} (survey link)`, roles: [] };
  return answerRequest(db, r, input, actor, now);
}

/** The signed-in person's surveys still open (their own only). */
export async function mySurveys(db: Db, actor: Actor): Promise<TSurveyView[]> {
  if (!actor.personId) return [];
  const rows = await db
    .select()
    .from(surveyRequests)
    .where(and(eq(surveyRequests.personId, actor.personId), isNull(surveyRequests.answeredAt)))
    .orderBy(desc(surveyRequests.sentAt));
  const out = [];
  for (const r of rows) out.push(await view(db, r));
  return out;
}

/** Answers one of the signed-in person's own surveys; anyone else's is not found. */
export async function answerMine(db: Db, actor: Actor, id: string, input: TSurveyAnswerInput, now: Date) {
  const [r] = actor.personId
    ? await db
        .select()
        .from(surveyRequests)
        .where(and(eq(surveyRequests.id, id), eq(surveyRequests.personId, actor.personId)))
    : [];
  if (!r) throw notFound('survey');
  return answerRequest(db, r, input, actor, now);
}
