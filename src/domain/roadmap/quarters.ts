import { Temporal } from '@js-temporal/polyfill';

export interface Quarter {
  /** Fiscal year, named by the calendar year it ends in (a year starting in January is its own year). */
  fiscalYear: number;
  q: 1 | 2 | 3 | 4;
  start: string;
  end: string;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function quarterStarting(start: Temporal.PlainDate, startMonth: number): Quarter {
  const monthsIn = (start.month - startMonth + 12) % 12;
  const q = (Math.floor(monthsIn / 3) + 1) as Quarter['q'];
  const fyStart = start.subtract({ months: monthsIn });
  const fiscalYear = startMonth === 1 ? fyStart.year : fyStart.year + 1;
  const end = start.add({ months: 3 }).subtract({ days: 1 });
  const label = startMonth === 1 ? `Q${q} ${fiscalYear}` : `FY${String(fiscalYear).slice(2)} Q${q}`;
  return { fiscalYear, q, start: start.toString(), end: end.toString(), label };
}

/** The quarter holding a date, for a fiscal year starting in `startMonth` (1 = January). */
export function quarterOf(date: string, startMonth = 1): Quarter {
  const d = Temporal.PlainDate.from(date);
  const monthsIn = (((d.month - startMonth) % 3) + 3) % 3;
  return quarterStarting(d.with({ day: 1 }).subtract({ months: monthsIn }), startMonth);
}

/** The quarter `n` quarters after (or before, n < 0) the one holding `date`. */
export function quarterAfter(date: string, n: number, startMonth = 1): Quarter {
  const start = Temporal.PlainDate.from(quarterOf(date, startMonth).start).add({ months: 3 * n });
  return quarterStarting(start, startMonth);
}

/** Every quarter a range touches, in order. */
export function quartersOf(earliest: string, latest: string, startMonth = 1): Quarter[] {
  const out = [quarterOf(earliest, startMonth)];
  while (out[out.length - 1]!.end < latest) out.push(quarterAfter(out[out.length - 1]!.start, 1, startMonth));
  return out;
}

/** "Q4 2026" or "Q4 2026 – Q1 2027". */
export function quartersText(earliest: string, latest: string, startMonth = 1): string {
  const first = quarterOf(earliest, startMonth).label;
  const last = quarterOf(latest, startMonth).label;
  return first === last ? first : `${first} – ${last}`;
}

export type Horizon = 'past' | 'current' | 'next' | 'later';

/** Where a range sits from today: overlapping this quarter, the next one, before or after both. */
export function horizonOf(earliest: string, latest: string, today: string, startMonth = 1): Horizon {
  const current = quarterOf(today, startMonth);
  const next = quarterAfter(today, 1, startMonth);
  if (latest < current.start) return 'past';
  if (earliest <= current.end) return 'current';
  if (earliest <= next.end) return 'next';
  return 'later';
}

/** The stakeholder view's window: the current quarter and the next one (pack §4), from the org's today. */
export function viewWindow(today: string, startMonth = 1): [Quarter, Quarter] {
  return [quarterOf(today, startMonth), quarterAfter(today, 1, startMonth)];
}

export const overlaps = (earliest: string, latest: string, from: string, to: string): boolean =>
  earliest <= to && latest >= from;

function partOfMonth(day: number): string {
  if (day <= 10) return 'early';
  return day <= 20 ? 'mid' : 'late';
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A range in words stakeholders read as a range, never as a committed date: "Early Dec 2026 – late Jan 2027",
 * "Mid Mar – late Apr 2027", "Early–mid Dec 2026", "Late Jun 2027".
 */
export function rangeText(earliest: string, latest: string): string {
  const a = Temporal.PlainDate.from(earliest);
  const b = Temporal.PlainDate.from(latest);
  const pa = partOfMonth(a.day);
  const pb = partOfMonth(b.day);
  const ma = MONTHS[a.month - 1]!;
  const mb = MONTHS[b.month - 1]!;
  if (a.year === b.year && a.month === b.month) {
    return capitalize(pa === pb ? `${pa} ${ma} ${a.year}` : `${pa}–${pb} ${ma} ${a.year}`);
  }
  if (a.year === b.year) return capitalize(`${pa} ${ma} – ${pb} ${mb} ${b.year}`);
  return capitalize(`${pa} ${ma} ${a.year} – ${pb} ${mb} ${b.year}`);
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}
