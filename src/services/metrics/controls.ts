import { meets, pctOf } from '../../domain/metrics/series.ts';
import { isoWeekKey, weekDates } from '../../shared/calendar.ts';
import type { TMetric } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';
import { type AreaQuality, areasQuality } from '../quality/confusion.ts';
import { type Built, pctText, plural, targetText, type Window } from './build.ts';

const TICKET = ['ticket', 'tickets'] as const;
const SUPPORT_TICKET = ['support ticket', 'support tickets'] as const;
const USER = ['user', 'users'] as const;

/**
 * The velocity framework's controls for the whole org: the confused-customer share and the operational burden,
 * summed over the areas (each area's own figure, Polish Mode and hold are on its page).
 */
export async function controlMetrics(ctx: Context, win: Window): Promise<Built[]> {
  const settings = await ctx.settings();
  const areas = await areasQuality(ctx.db, settings, ctx.now);
  return [
    confusionMetric(areas, settings.thresholds.confusedCustomerPct, win),
    burdenMetric(areas, settings.thresholds.operationalBurdenPer1kUsers, win.baselineFrom),
  ];
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

function confusionMetric(areas: AreaQuality[], threshold: number, win: Window): Built {
  const weekly = new Map<string, { tickets: number; confused: number }>();
  for (const a of areas)
    for (const f of a.confusion.trend) {
      const w = weekly.get(isoWeekKey(f.day)) ?? { tickets: 0, confused: 0 };
      weekly.set(isoWeekKey(f.day), { tickets: w.tickets + f.tickets, confused: w.confused + f.confused });
    }
  const tickets = sum(areas.map((a) => a.confusion.current.tickets));
  const confused = sum(areas.map((a) => a.confusion.current.confused));
  const value = pctOf(confused, tickets);
  // Weeks with tickets only: a week with none has no figure to start from.
  const kept = [...weekly.entries()].filter(([, w]) => w.tickets > 0).sort(([a], [b]) => a.localeCompare(b));
  // The oldest week kept, or the baseline date's week when Product Ops picked one (if it is still kept).
  const oldest = win.baselineFrom ? kept.find(([w]) => w === isoWeekKey(win.baselineFrom!)) : kept[0];
  const metric: TMetric = {
    key: 'confused_customers',
    label: 'Confused customers',
    group: 'control',
    unit: '% of support tickets from confused customers (trailing window, all areas)',
    target: {
      value: threshold,
      text: `${targetText(threshold, 'at most')} (above it an area enters Polish Mode)`,
    },
    current: {
      value,
      text:
        value === null
          ? 'No support ticket in the window'
          : `${pctText(value)} (${confused.toLocaleString('en-US')} of ${plural(tickets, SUPPORT_TICKET)})`,
    },
    baseline: oldest
      ? {
          value: pctOf(oldest[1].confused, oldest[1].tickets),
          text: `${oldest[0]}, ${win.baselineFrom ? 'the baseline date' : 'the first week with tickets'}`,
        }
      : null,
    meets: meets(value, threshold, 'at most'),
    trend: win.weeks.map((week) => {
      const w = weekly.get(week);
      return {
        period: week,
        from: weekDates(week).monday,
        value: w ? pctOf(w.confused, w.tickets) : null,
        detail: w
          ? `${w.confused.toLocaleString('en-US')} of ${plural(w.tickets, SUPPORT_TICKET)}`
          : 'not computed for this week',
      };
    }),
  };
  const records = areas.map((a) => ({
    label: a.area.name,
    href: `/areas/${a.area.id}`,
    date: a.confusion.current.day,
    counted: a.confusion.current.above,
    detail:
      `${a.confusion.current.pct === null ? 'no ticket' : pctText(a.confusion.current.pct)} ` +
      `(${a.confusion.current.confused} of ${a.confusion.current.tickets})` +
      (a.confusion.polishMode ? `, in Polish Mode since ${a.confusion.polishMode.since}` : ''),
  }));
  return { metric, records };
}

function burdenMetric(areas: AreaQuality[], threshold: number, baselineFrom: string | null): Built {
  const per1k = (tickets: number, users: number) =>
    users > 0 ? Math.round((tickets / users) * 10_000) / 10 : null;
  const counted = areas.filter((a) => a.burden.current.users !== null);
  const tickets = sum(counted.map((a) => a.burden.current.tickets));
  const users = sum(counted.map((a) => a.burden.current.users ?? 0));
  const value = per1k(tickets, users);
  const months = new Map<string, { tickets: number; users: number }>();
  for (const a of areas)
    for (const m of a.burden.months) {
      if (m.users === null) continue;
      const t = months.get(m.month) ?? { tickets: 0, users: 0 };
      months.set(m.month, { tickets: t.tickets + m.tickets, users: t.users + m.users });
    }
  const ordered = [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
  // The first month with tickets (before the first import there is nothing to compare), or the baseline date's.
  const base = baselineFrom
    ? ordered.find(([m]) => m === baselineFrom.slice(0, 7))
    : ordered.find(([, m]) => m.tickets > 0);
  const metric: TMetric = {
    key: 'operational_burden',
    label: 'Operational burden',
    group: 'control',
    unit: 'support tickets per 1,000 active users in the last 30 days (areas with users recorded)',
    target: {
      value: threshold,
      text: `${targetText(threshold, 'at most', '')} per 1,000 users (above it an area's new features wait)`,
    },
    current: {
      value,
      text:
        value === null
          ? 'No active users recorded'
          : `${value} per 1,000 users (${plural(tickets, TICKET)}, ${plural(users, USER)})`,
    },
    baseline: base
      ? {
          value: per1k(base[1].tickets, base[1].users),
          text: `${base[0]}, ${baselineFrom ? 'the baseline date' : 'the first month with tickets'}`,
        }
      : null,
    meets: meets(value, threshold, 'at most'),
    trend: ordered.map(([month, m]) => ({
      period: month,
      from: `${month}-01`,
      value: per1k(m.tickets, m.users),
      detail: `${plural(m.tickets, TICKET)}, ${plural(m.users, USER)}`,
    })),
  };
  const records = areas.map((a) => ({
    label: a.area.name,
    href: `/areas/${a.area.id}`,
    date: a.burden.current.to,
    counted: a.burden.current.above,
    detail:
      a.burden.current.per1k === null
        ? `${plural(a.burden.current.tickets, TICKET)}, no active users recorded`
        : `${a.burden.current.per1k} per 1,000 users (${plural(a.burden.current.tickets, TICKET)}, ${plural(a.burden.current.users ?? 0, USER)})`,
  }));
  return { metric, records };
}
