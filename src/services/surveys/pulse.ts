import { and, arrayContains, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, pulseAnswers, surveyRequests } from '../../db/schema/index.ts';
import { pulseSummary, quarterKey, quarterKeyStart } from '../../domain/metrics/pulse.ts';
import { quarterAfter, quarterOf } from '../../domain/roadmap/quarters.ts';
import type { OutgoingMessage } from '../../integrations/message.ts';
import { localInstant, todayIn } from '../../shared/calendar.ts';
import { invalid } from '../../shared/errors.ts';
import type { TSettings } from '../../shared/settings.ts';
import {
  PULSE_MIN_ANSWERS,
  PULSE_STATEMENT,
  SCORE_LABELS,
  type TPulseResults,
} from '../../shared/surveys.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { enqueueMessage } from '../delivery/outbox.ts';
import { recipientsForPeople } from '../delivery/recipients.ts';
import { getSettings } from '../org/settings.ts';
import type { ActionHandler } from '../scheduling.ts';
import { scheduleAction } from '../scheduling.ts';
import { answerUrl, createRequest } from './requests.ts';

export const PULSE_ACTION = 'survey.pm_pulse';
const MORNING = '09:00';

const startMonth = (s: TSettings) => s.roadmap.fiscalYearStartMonth;
export const currentQuarterKey = (s: TSettings, now: Date) =>
  quarterKey(quarterOf(todayIn(s.timeZone, now), startMonth(s)));
export const quarterLabel = (s: TSettings, key: string) =>
  quarterOf(quarterKeyStart(key, startMonth(s)), startMonth(s)).label;

function pulseMessage(label: string, token: string): OutgoingMessage {
  return {
    title: `PM pulse — ${label}`,
    summary: `"${PULSE_STATEMENT}": how much do you agree? Anonymous; one question and an optional comment.`,
    sections: [
      {
        markdown: `**${PULSE_STATEMENT}.**\n\nNobody sees who answered what; results show only once 3 PMs have answered.`,
      },
    ],
    actions: SCORE_LABELS.map((label, i) => ({
      label: `${i + 1} ${label}`,
      url: answerUrl(token, String(i + 1)),
    })),
  };
}

/** Asks every active PM for the quarter's pulse, once each; re-running asks only PMs not asked yet. */
export async function sendPulse(tx: Db, o: { quarter: string; actor: Actor; now: Date }): Promise<number> {
  const settings = await getSettings(tx);
  const label = quarterLabel(settings, o.quarter);
  const pms = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.active, true), arrayContains(people.roles, ['pm'])))
    .orderBy(asc(people.name));
  let sent = 0;
  for (const pm of pms) {
    const req = await createRequest(tx, {
      kind: 'pm_pulse',
      subject: o.quarter,
      personId: pm.id,
      now: o.now,
    });
    if (!req) continue;
    await enqueueMessage(tx, {
      key: `survey:pulse:${req.id}`,
      kind: 'survey.pm_pulse',
      ref: o.quarter,
      message: pulseMessage(label, req.token),
      recipients: await recipientsForPeople(tx, [pm.id]),
    });
    sent += 1;
  }
  await recordAudit(tx, {
    actor: o.actor,
    action: 'survey.pulse.send',
    entityType: 'survey',
    entityId: o.quarter,
    change: { asked: sent },
  });
  return sent;
}

/** Product Ops starts a quarter's pulse (default: the current one); a future quarter is refused. */
export async function startPulse(db: Db, o: { quarter?: string; actor: Actor; now: Date }) {
  return db.transaction(async (tx) => {
    const settings = await getSettings(tx);
    const current = currentQuarterKey(settings, o.now);
    const quarter = o.quarter ?? current;
    if (quarter > current) throw invalid([{ path: 'quarter', message: `${quarter} has not started yet` }]);
    return { quarter, sent: await sendPulse(tx, { quarter, actor: o.actor, now: o.now }) };
  });
}

/** The daily plan keeps the next quarter's pulse scheduled for its first morning (runs late rather than never). */
export async function planPulse(db: Db, now: Date): Promise<void> {
  const settings = await getSettings(db);
  const next = quarterAfter(todayIn(settings.timeZone, now), 1, startMonth(settings));
  const quarter = quarterKey(next);
  await scheduleAction(db, {
    kind: PULSE_ACTION,
    key: `${PULSE_ACTION}:${quarter}`,
    dueAt: localInstant(next.start, MORNING, settings.timeZone),
    latePolicy: 'run_late',
    payload: { quarter },
  });
}

export const pulseHandler: ActionHandler<'survey.pm_pulse'> = async ({ tx, payload, now }) => {
  await sendPulse(tx, {
    quarter: payload.quarter,
    actor: { personId: null, label: 'system:surveys', roles: [] },
    now,
  });
};

/** A quarter's pulse: the count always; scores, distribution and comments only from PULSE_MIN_ANSWERS answers. */
export async function pulseResults(db: Db, now: Date, quarter?: string): Promise<TPulseResults> {
  const settings = await getSettings(db);
  const key = quarter ?? currentQuarterKey(settings, now);
  const asked = await db
    .select({ id: surveyRequests.id })
    .from(surveyRequests)
    .where(and(eq(surveyRequests.kind, 'pm_pulse'), eq(surveyRequests.subject, key)));
  // Ordered by the random id, never by insertion: the order of comments must not hint at who wrote them.
  const rows = await db
    .select()
    .from(pulseAnswers)
    .where(eq(pulseAnswers.quarter, key))
    .orderBy(asc(pulseAnswers.id));
  const targetPct = settings.thresholds.pmSatisfactionPct;
  const summary = pulseSummary(
    rows.map((r) => r.score),
    PULSE_MIN_ANSWERS,
    targetPct,
  );
  return {
    quarter: key,
    label: quarterLabel(settings, key),
    asked: asked.length,
    answers: summary.answers,
    minAnswers: PULSE_MIN_ANSWERS,
    results: summary.shown && {
      ...summary.shown,
      comments: rows.flatMap((r) => (r.comment ? [r.comment] : [])),
    },
    targetPct,
  };
}
