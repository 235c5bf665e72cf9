import { asc } from 'drizzle-orm';
import { bugs } from '../../db/schema/index.ts';
import { meets } from '../../domain/metrics/series.ts';
import { daysBetween } from '../../domain/roadmap/quarters.ts';
import { addDays, localDateTime, weekDates } from '../../shared/calendar.ts';
import type { TMetric } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';
import { bugLink } from '../quality/bugs.ts';
import type { Built, Window } from './build.ts';

/**
 * The velocity framework's "no bug backlog" as one figure: open bugs older than `bugMaxOpenDays` (target 0), at
 * each week's end from when each bug was opened and closed, and the oldest open bug's age.
 */
export async function bugMetric(ctx: Context, win: Window): Promise<Built> {
  const settings = await ctx.settings();
  const limit = settings.thresholds.bugMaxOpenDays;
  const all = await ctx.db.select().from(bugs).orderBy(asc(bugs.openedOn), asc(bugs.id));
  // Each bug's closing day once: the zone's calendar (Intl) is the costly part.
  const closedOn = new Map(
    all.map((b) => [b.id, b.closedAt ? localDateTime(b.closedAt, settings.timeZone).date : null]),
  );
  // Open at the end of `day` and older than the limit then (N days is within the limit, N + 1 over it).
  const overOn = (day: string) =>
    all.filter((b) => {
      const closed = closedOn.get(b.id) ?? null;
      return b.openedOn <= day && (closed === null || closed > day) && daysBetween(b.openedOn, day) > limit;
    });
  const endOf = (week: string) => {
    const sunday = weekDates(week).sunday;
    return [sunday, win.today].sort()[0]!;
  };
  const over = overOn(win.today);
  const first = all[0] ? `${all[0].openedOn}` : null;
  // Four weeks after the first bug could first be over the limit (the first weeks of use), or the date picked.
  const baselineDay = win.baselineFrom ?? (first ? addDays(first, limit + 28) : null);
  const metric: TMetric = {
    key: 'bug_backlog',
    label: 'Bug backlog',
    group: 'control',
    unit: `open bugs older than ${limit} days (no bug backlog: fix it now or decide it is not worth fixing)`,
    target: { value: 0, text: '0 (no backlog)' },
    current: {
      value: over.length,
      text:
        `${over.length} open ${over.length === 1 ? 'bug' : 'bugs'} older than ${limit} days` +
        (over[0] ? `; the oldest open ${daysBetween(over[0].openedOn, win.today)} days` : ''),
    },
    baseline:
      baselineDay && baselineDay <= win.today
        ? {
            value: overOn(baselineDay).length,
            text: `${overOn(baselineDay).length} on ${baselineDay}, ${win.baselineFrom ? 'the baseline date' : 'four weeks after a bug could first be over the limit'}`,
          }
        : null,
    meets: meets(over.length, 0, 'at most'),
    trend: win.weeks.map((week) => {
      const n = overOn(endOf(week)).length;
      return { period: week, from: weekDates(week).monday, value: n, detail: `${n} at the end of the week` };
    }),
  };
  const records = over.map((b) => ({
    label: b.title,
    href: bugLink(b),
    date: b.openedOn,
    counted: true,
    detail:
      `open ${daysBetween(b.openedOn, win.today)} days, ${b.reports} ${b.reports === 1 ? 'report' : 'reports'}; ` +
      (b.disposition === 'fix_now' ? 'being fixed now' : 'waiting for a decision'),
  }));
  return { metric, records };
}
