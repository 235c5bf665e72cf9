import { Temporal } from '@js-temporal/polyfill';
import type { Db } from '../../db/client.ts';
import { localInstant, todayIn } from '../../shared/calendar.ts';
import { getSettings } from '../org/settings.ts';
import { scheduleAction } from '../scheduling.ts';
import { nextTriageInstant } from './triage.ts';

/** Triage and routing go out at the start of the week, the digest on the first of the month (org time). */
const MORNING = '09:00';

/**
 * Keeps the next weekly triage and the next monthly digest scheduled (the daily plan calls this). Both run late
 * rather than never after downtime, and once: their keys name the week and the month.
 */
export async function planInsights(db: Db, now: Date): Promise<void> {
  const { timeZone } = await getSettings(db);
  const triage = nextTriageInstant(timeZone, now);
  await scheduleAction(db, {
    kind: 'insights.triage',
    key: `insights.triage:${triage.week}`,
    dueAt: localInstant(triage.date, MORNING, timeZone),
    latePolicy: 'run_late',
    payload: { week: triage.week },
  });
  const thisMonth = Temporal.PlainDate.from(todayIn(timeZone, now)).toPlainYearMonth();
  const first = thisMonth.add({ months: 1 }).toPlainDate({ day: 1 });
  await scheduleAction(db, {
    kind: 'insights.digest',
    key: `insights.digest:${thisMonth.toString()}`,
    dueAt: localInstant(first.toString(), MORNING, timeZone),
    latePolicy: 'run_late',
    payload: { month: thisMonth.toString() },
  });
}
