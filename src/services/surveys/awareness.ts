import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, releases } from '../../db/schema/index.ts';
import { postLaunchDates } from '../../domain/releases/post-launch.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { localInstant } from '../../shared/calendar.ts';
import type { TSettings } from '../../shared/settings.ts';
import { AWARENESS_QUESTION } from '../../shared/surveys.ts';
import { systemActor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople, resolveRecipients } from '../delivery/recipients.ts';
import type { ActionHandler } from '../scheduling.ts';
import { scheduleAction } from '../scheduling.ts';
import { answerUrl, createRequest } from './requests.ts';

export const AWARENESS_ACTION = 'survey.launch_awareness';
const ASKED_FUNCTIONS = ['sales', 'cs', 'support'];
const MORNING = '09:00';
type ReleaseRow = typeof releases.$inferSelect;

const asksAbout = (r: ReleaseRow) =>
  r.status === 'launched' && !!r.launchedOn && (r.tier === 2 || r.tier === 3);

/** A Tier 2/3 launch asks on its Day 3 (business days, the org's zone), in the morning with the check-in. */
export async function planAwarenessSurvey(tx: Db, settings: TSettings, r: ReleaseRow): Promise<void> {
  if (!asksAbout(r)) return;
  const { day3 } = postLaunchDates(r.launchedOn!, settings.workWeek, settings.holidays);
  await scheduleAction(tx, {
    kind: AWARENESS_ACTION,
    key: `${AWARENESS_ACTION}:${r.id}`,
    dueAt: localInstant(day3, MORNING, settings.timeZone),
    latePolicy: 'run_late',
    payload: { releaseId: r.id },
  });
}

/** Who should have known: the bundle's Sales, CS and Support recipients, as people. */
async function shouldHaveKnown(tx: Db, r: ReleaseRow): Promise<{ id: string; name: string }[]> {
  const recipients = await resolveRecipients(tx, {
    kind: 'release',
    areaId: r.areaId,
    tier: r.tier ?? undefined,
  });
  const ids = [...new Set(recipients.flatMap((x) => (x.personId ? [x.personId] : [])))];
  if (!ids.length) return [];
  return tx
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(
      and(
        inArray(people.id, ids),
        eq(people.active, true),
        inArray(people.function, ASKED_FUNCTIONS as never),
      ),
    );
}

/** In Slack (with the app set up) the two answers are buttons answered there; the page's link stays, for a comment. */
function awarenessMessage(title: string, token: string, requestId: string): OutgoingMessage {
  return {
    title: `Quick question: ${title}`,
    summary: `${AWARENESS_QUESTION} One click answers; a comment is optional.`,
    sections: [{ markdown: `**${title}** launched a few days ago. ${AWARENESS_QUESTION}` }],
    actions: [
      { label: 'Yes, I knew', url: answerUrl(token, 'yes') },
      { label: 'No, it surprised me', url: answerUrl(token, 'no') },
      { label: 'Answer with a comment', url: answerUrl(token) },
    ],
    footer: 'One answer per person: change yours, or add a comment, on the survey page.',
    slack: { awarenessRequestId: requestId },
  };
}

/** Sends the awareness question for a launch to each person who should have known, once each. */
export async function sendAwarenessSurvey(tx: Db, releaseId: string, now: Date): Promise<number> {
  const [r] = await tx.select().from(releases).where(eq(releases.id, releaseId));
  if (!r || !asksAbout(r)) return 0;
  let sent = 0;
  for (const p of await shouldHaveKnown(tx, r)) {
    const req = await createRequest(tx, {
      kind: 'launch_awareness',
      subject: r.id,
      releaseId: r.id,
      personId: p.id,
      now,
    });
    if (!req) continue;
    await enqueueMessage(tx, {
      key: `survey:awareness:${req.id}`,
      kind: 'survey.launch_awareness',
      ref: r.id,
      message: awarenessMessage(r.title, req.token, req.id),
      recipients: await recipientsForPeople(tx, [p.id]),
    });
    sent += 1;
  }
  if (sent)
    await recordAudit(tx, {
      actor: systemActor('system:surveys'),
      action: 'survey.awareness.send',
      entityType: 'release',
      entityId: r.id,
      change: { asked: sent },
    });
  return sent;
}

export const awarenessSurveyHandler: ActionHandler<'survey.launch_awareness'> = async ({
  tx,
  payload,
  now,
}) => {
  await sendAwarenessSurvey(tx, payload.releaseId, now);
};
