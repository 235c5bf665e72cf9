import type { Db } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { answerReadiness } from '../releases/readiness.ts';
import { getRelease } from '../releases/releases.ts';
import {
  readinessLines,
  rememberReadinessMessage,
  SLACK_READINESS_KINDS,
  type SlackReadinessKind,
  updateReadinessMessages,
} from './readiness-messages.ts';
import { personBySlackId } from './requests.ts';

/** The message a button was on, as Slack sent it with the click (none for a modal's submission). */
export interface ClickedMessage {
  channelId: string;
  ts: string;
  text: string;
  blocks: object[];
}

export type SlackReadinessResult =
  | { outcome: 'recorded' | 'unchanged'; releaseTitle: string; kindLabel: string; ready: boolean }
  | { outcome: 'unknown_user' }
  | { outcome: 'refused'; message: string };

const isSlackKind = (f: string): f is SlackReadinessKind => Object.hasOwn(SLACK_READINESS_KINDS, f);

/**
 * "I'm ready" / "Not ready, because…" from Slack: recorded as the person whose profile holds the Slack user id,
 * for their function (Support or Sales), with its audit entry; the message they clicked, and every other one
 * of the release people answered from, shows the answer. A repeat of the standing answer (Slack retrying the
 * click, a second click) records nothing more.
 */
export async function readinessFromSlack(
  db: Db,
  o: {
    slackUserId: string;
    releaseId: string;
    ready: boolean;
    note?: string;
    message?: ClickedMessage;
    now: Date;
  },
): Promise<SlackReadinessResult> {
  const person = await personBySlackId(db, o.slackUserId);
  if (!person) return { outcome: 'unknown_user' };
  const release = await getRelease(db, o.releaseId);
  if (!release) return { outcome: 'refused', message: 'That release no longer exists in prodops.' };
  if (!isSlackKind(person.function)) {
    return {
      outcome: 'refused',
      message: `Support and Sales confirm readiness here. Other sign-offs for ${release.title} are on its page in prodops.`,
    };
  }
  const kind = person.function;
  const actor: Actor = { personId: person.id, label: `${person.name} (Slack)`, roles: person.roles };
  try {
    return await db.transaction(async (tx) => {
      const isNew = o.message
        ? await rememberReadinessMessage(tx, { ...o.message, releaseId: release.id, now: o.now })
        : false;
      const answer = await answerReadiness(tx, {
        actor,
        releaseId: release.id,
        kind,
        ready: o.ready,
        note: o.note,
        now: o.now,
      });
      // A message seen for the first time gets its line even when the answer itself was already known.
      if (!answer.changed && isNew && o.message)
        await updateReadinessMessages(tx, {
          releaseId: release.id,
          releaseTitle: release.title,
          lines: readinessLines(answer.signOffs),
          personId: person.id,
          now: o.now,
          only: o.message,
        });
      return {
        outcome: answer.changed ? ('recorded' as const) : ('unchanged' as const),
        releaseTitle: release.title,
        kindLabel: SLACK_READINESS_KINDS[kind],
        ready: o.ready,
      };
    });
  } catch (err) {
    // Launched already, bundle not distributed yet: said to the person, nothing recorded.
    if (err instanceof AppError && err.status < 500) return { outcome: 'refused', message: err.message };
    throw err;
  }
}

/** The release's title, for the modal asking why (null when it is gone). */
export async function releaseTitle(db: Db, releaseId: string): Promise<string | null> {
  return (await getRelease(db, releaseId))?.title ?? null;
}
