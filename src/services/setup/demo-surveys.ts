import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, releases, surveyRequests } from '../../db/schema/index.ts';
import { postLaunchDates } from '../../domain/releases/post-launch.ts';
import { localInstant } from '../../shared/calendar.ts';
import type { TSurveyAnswerInput } from '../../shared/surveys.ts';
import type { Actor } from '../actor.ts';
import { getSettings } from '../org/settings.ts';
import { answerRequest } from '../surveys/answer.ts';
import { sendAwarenessSurvey } from '../surveys/awareness.ts';
import { currentQuarterKey, sendPulse } from '../surveys/pulse.ts';

/** Who answered what about the demo's launches (by email); anyone not listed has not answered. */
const AWARENESS: Record<string, Record<string, TSurveyAnswerInput>> = {
  'Invoice PDF redesign': {
    'sam@example.com': { aware: true },
    'carla@example.com': { aware: true, comment: 'The bundle had the new layout; macros were ready.' },
  },
  'Bulk user import': {
    'sam@example.com': { aware: true },
    'carla@example.com': { aware: true },
    'chris@example.com': { aware: false, comment: 'A customer asked about it before I had heard of it.' },
  },
};

/** This quarter's pulse: four of the PMs answered (75% agree), the others have not yet. */
const PULSE: TSurveyAnswerInput[] = [
  { score: 5, comment: 'The Thursday update replaced three status meetings.' },
  { score: 4 },
  { score: 4, comment: 'Still chasing Sales for launch feedback.' },
  { score: 2, comment: 'The readiness check adds a meeting for small launches.' },
];

async function requestsOf(tx: Db, kind: 'launch_awareness' | 'pm_pulse', subject: string) {
  return tx
    .select({ r: surveyRequests, email: people.email })
    .from(surveyRequests)
    .innerJoin(people, eq(people.id, surveyRequests.personId))
    .where(and(eq(surveyRequests.kind, kind), eq(surveyRequests.subject, subject)))
    .orderBy(asc(people.name));
}

/** Issue 16's surveys for the demo, the same every time: the launches' Day 3 answers and this quarter's pulse. */
export async function seedDemoSurveys(tx: Db, ops: Actor, now: Date): Promise<void> {
  const settings = await getSettings(tx);
  const launched = await tx
    .select()
    .from(releases)
    .where(inArray(releases.title, Object.keys(AWARENESS)));
  for (const r of launched) {
    if (!r.launchedOn) continue;
    const { day3 } = postLaunchDates(r.launchedOn, settings.workWeek, settings.holidays);
    const asked = localInstant(day3, '09:00', settings.timeZone);
    await sendAwarenessSurvey(tx, r.id, asked);
    const answered = new Date(asked.getTime() + 2 * 3_600_000);
    for (const { r: req, email } of await requestsOf(tx, 'launch_awareness', r.id)) {
      const answer = AWARENESS[r.title]?.[email];
      if (answer)
        await answerRequest(tx, req, answer, { personId: req.personId, label: email, roles: [] }, answered);
    }
  }
  const quarter = currentQuarterKey(settings, now);
  await sendPulse(tx, { quarter, actor: ops, now });
  const pulse = await requestsOf(tx, 'pm_pulse', quarter);
  for (const [i, answer] of PULSE.entries()) {
    const req = pulse[i]?.r;
    if (req)
      await answerRequest(tx, req, answer, { personId: req.personId, label: 'PM pulse', roles: [] }, now);
  }
}
