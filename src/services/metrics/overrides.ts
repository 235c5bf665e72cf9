import { asc, eq } from 'drizzle-orm';
import { releaseGateOverrides, releases } from '../../db/schema/index.ts';
import { meets } from '../../domain/metrics/series.ts';
import { isoWeekKey, localDateTime, weekDates } from '../../shared/calendar.ts';
import type { TMetric } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';
import { gateChecks } from '../releases/gate.ts';
import type { Built, Window } from './build.ts';

/**
 * Gate overrides (issue 15, part 6): every failing gate check the accountable role waved through, per week, with
 * who, why and until when. Each is an exception by design, so the figure to aim for is none.
 */
export async function overridesMetric(ctx: Context, win: Window): Promise<Built> {
  const { timeZone } = await ctx.settings();
  const rows = await ctx.db
    .select({ o: releaseGateOverrides, title: releases.title })
    .from(releaseGateOverrides)
    .innerJoin(releases, eq(releases.id, releaseGateOverrides.releaseId))
    .orderBy(asc(releaseGateOverrides.createdAt));
  const day = (at: Date) => localDateTime(at, timeZone).date;
  const shown = rows.filter((r) => day(r.o.createdAt) >= win.from);
  const label = (id: string) => gateChecks().find((c) => c.id === id)?.label ?? id;
  const metric: TMetric = {
    key: 'gate_overrides',
    label: 'Gate overrides',
    group: 'control',
    unit: 'release gate checks overridden by the accountable role (logged, with a reason and an expiry)',
    target: { value: 0, text: 'none: each is an exception' },
    current: {
      value: shown.length,
      text: `${shown.length} ${shown.length === 1 ? 'override' : 'overrides'} in the last ${win.weeks.length} weeks`,
    },
    baseline: null,
    meets: meets(shown.length, 0, 'at most'),
    trend: win.weeks.map((week) => {
      const n = shown.filter((r) => isoWeekKey(day(r.o.createdAt)) === week).length;
      return { period: week, from: weekDates(week).monday, value: n, detail: `${n} granted` };
    }),
  };
  const records = shown.map(({ o, title }) => ({
    label: `${title}: ${label(o.checkId)}`,
    href: `/releases/${o.releaseId}`,
    date: day(o.createdAt),
    counted: true,
    detail:
      `by ${o.byLabel}, until ${day(o.expiresAt)}: “${o.reason}”` +
      (o.revokedAt ? `; withdrawn by ${o.revokedByLabel ?? 'someone'} on ${day(o.revokedAt)}` : ''),
  }));
  return { metric, records };
}
