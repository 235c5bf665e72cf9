import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { releases, surveyRequests } from '../../db/schema/index.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { answerRequest, awarenessAnswerOf } from '../surveys/answer.ts';
import { requestByToken } from '../surveys/requests.ts';
import { personBySlackId } from './requests.ts';

export type SlackAwarenessResult =
  | { outcome: 'recorded' | 'unchanged'; releaseTitle: string; aware: boolean }
  | { outcome: 'unknown_user' }
  | { outcome: 'refused'; message: string };

const CLOSED =
  'This survey is no longer open (the release may have been removed), so nothing was recorded. Thank you anyway.';

/**
 * "Yes, I knew" / "No, it surprised me" from Slack: recorded through the same service as the web page, as the
 * person whose profile holds the Slack user id, who must be the person the question was sent to (anyone else's
 * click records nothing). Once per person: a second click, or Slack retrying one, finds the answer standing.
 */
export async function awarenessFromSlack(
  db: Db,
  o: { slackUserId: string; requestId: string; aware: boolean; now: Date },
): Promise<SlackAwarenessResult> {
  const person = await personBySlackId(db, o.slackUserId);
  if (!person) return { outcome: 'unknown_user' };
  const [r] = await db.select().from(surveyRequests).where(eq(surveyRequests.id, o.requestId));
  if (r?.kind !== 'launch_awareness') return { outcome: 'refused', message: CLOSED };
  if (r.personId !== person.id) {
    return {
      outcome: 'refused',
      message: 'This question was sent to someone else, so your click was not recorded.',
    };
  }
  const [rel] = await db.select({ title: releases.title }).from(releases).where(eq(releases.id, r.subject));
  if (!rel) return { outcome: 'refused', message: CLOSED };
  const actor: Actor = { personId: person.id, label: `${person.name} (Slack)`, roles: person.roles };
  try {
    await answerRequest(db, r, { aware: o.aware }, actor, o.now, { once: true });
    return { outcome: 'recorded', releaseTitle: rel.title, aware: o.aware };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'conflict') throw err;
    // Answered already (here, by the web page or the e-mail link): the standing answer is what is said back.
    const standing = await awarenessAnswerOf(db, r.id);
    return { outcome: 'unchanged', releaseTitle: rel.title, aware: standing?.aware ?? o.aware };
  }
}

/**
 * The survey page link the clicked message carried, when it is this request's own (its token hashes to the
 * request): the page where the person may add a comment. Any other link is not repeated back.
 */
export async function commentUrlFor(
  db: Db,
  requestId: string,
  links: readonly { url: string; token: string }[],
): Promise<string | null> {
  for (const l of links) {
    if ((await requestByToken(db, l.token))?.id === requestId) return l.url;
  }
  return null;
}
