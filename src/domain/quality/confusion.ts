import { addDays } from '../../shared/calendar.ts';

/**
 * The confused-customer metric (velocity framework): the share of an area's support tickets that are customers
 * confused by the product, over a trailing window. Above the threshold the area is in Polish Mode until the
 * figure has stayed at or under it for the minimum days. Pure: the daily counts come from the database.
 */

/** An area's support tickets and the confusion among them on one local day. */
export interface DailyTickets {
  day: string;
  tickets: number;
  confused: number;
}

export interface ConfusionRule {
  /** Polish Mode above this share (%); exactly at it is not above. */
  thresholdPct: number;
  windowDays: number;
  /** Fewer tickets than this in the window are too few to judge. */
  minTickets: number;
  /** Polish Mode ends once the figure has been under the threshold this many days in a row. */
  polishMinDays: number;
}

/** The figure over the window that ends on one day. */
export interface ConfusionFigure {
  /** The window's last day (local date). */
  day: string;
  from: string;
  tickets: number;
  confused: number;
  /** null when there are no tickets at all. */
  pct: number | null;
  /** Enough tickets to judge. */
  enough: boolean;
  above: boolean;
}

export interface PolishMode {
  /** The day the current spell began (the first day above, as far back as the counts go). */
  since: string;
  /** The last day the figure was above the threshold, and the figure then. */
  lastAbove: ConfusionFigure;
  /** The first day the area leaves Polish Mode if the figure stays under the threshold from now on. */
  leavesOn: string;
}

export interface AreaConfusion {
  current: ConfusionFigure;
  polishMode: PolishMode | null;
  /** The figure at the end of each of the last weeks, oldest first (the current day last). */
  trend: ConfusionFigure[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The figure on `day` from counts by day (days without counts had no tickets). */
export function figureOn(byDay: ReadonlyMap<string, DailyTickets>, day: string, rule: ConfusionRule) {
  const from = addDays(day, 1 - rule.windowDays);
  let tickets = 0;
  let confused = 0;
  for (let d = from; d <= day; d = addDays(d, 1)) {
    const c = byDay.get(d);
    if (c) {
      tickets += c.tickets;
      confused += c.confused;
    }
  }
  const pct = tickets > 0 ? round1((confused / tickets) * 100) : null;
  const enough = tickets >= rule.minTickets;
  // Compared unrounded: 1 of 5 at a 20% threshold is exactly at it, not above.
  const above = enough && tickets > 0 && confused * 100 > rule.thresholdPct * tickets;
  return { day, from, tickets, confused, pct, enough, above } satisfies ConfusionFigure;
}

/** How many days of counts before `today` the computation reads (window, Polish Mode spell, trend weeks). */
export function daysNeeded(rule: ConfusionRule, trendWeeks: number): number {
  return rule.windowDays + Math.max(rule.polishMinDays, trendWeeks * 7) + LOOKBACK_DAYS;
}

/** How far back a spell's start is looked for. */
const LOOKBACK_DAYS = 90;

/** The current figure, whether the area is in Polish Mode (and since when), and the weekly trend. */
export function areaConfusion(
  daily: readonly DailyTickets[],
  today: string,
  rule: ConfusionRule,
  trendWeeks = 8,
): AreaConfusion {
  const byDay = new Map(daily.map((d) => [d.day, d]));
  const current = figureOn(byDay, today, rule);
  const trend = Array.from({ length: trendWeeks }, (_, i) =>
    figureOn(byDay, addDays(today, -7 * (trendWeeks - 1 - i)), rule),
  );
  return { current, polishMode: polishModeOn(byDay, today, rule), trend };
}

/**
 * In Polish Mode on `today` when the figure was above the threshold on one of the last `polishMinDays` days
 * (today included): it has not yet stayed under for the minimum days.
 */
function polishModeOn(
  byDay: ReadonlyMap<string, DailyTickets>,
  today: string,
  rule: ConfusionRule,
): PolishMode | null {
  const span = Math.max(rule.polishMinDays, 1);
  for (let i = 0; i < span; i++) {
    const figure = figureOn(byDay, addDays(today, -i), rule);
    if (figure.above)
      return {
        since: spellStart(byDay, figure.day, rule),
        lastAbove: figure,
        leavesOn: addDays(figure.day, span),
      };
  }
  return null;
}

/** Walks back from a day above the threshold to where the spell began (gaps shorter than the minimum days join). */
function spellStart(byDay: ReadonlyMap<string, DailyTickets>, from: string, rule: ConfusionRule): string {
  const span = Math.max(rule.polishMinDays, 1);
  let since = from;
  let under = 0;
  for (let i = 1; i <= LOOKBACK_DAYS && under < span; i++) {
    const day = addDays(from, -i);
    if (figureOn(byDay, day, rule).above) {
      since = day;
      under = 0;
    } else under++;
  }
  return since;
}
