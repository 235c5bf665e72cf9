import { Temporal } from '@js-temporal/polyfill';
import { describe, expect, it } from 'vitest';
import * as integer from '../cadence/business-days.ts';
import * as temporal from '../cadence/business-days-temporal.fixture.ts';
import { leadTime } from './leadtime.ts';
import { leadTimeTemporal } from './leadtime-temporal.fixture.ts';
import { postLaunchDates } from './post-launch.ts';

/**
 * Issue 19 replaced Temporal with integer day numbers in business-day and lead-time math. These compare the
 * new functions with the Temporal ones (kept as fixtures) over many dates, work weeks and holiday lists:
 * the same answer, or the same kind of error, every time.
 */

/** A small seeded generator, so a failure names a case that can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = Temporal.PlainDate.from('2024-01-01');
const shift = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

function cases(seed: number) {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const date = () => BASE.add({ days: int(365 * 4) }).toString();
  const WEEKS = [
    [1, 2, 3, 4, 5],
    [1, 2, 3, 4, 5],
    [1, 2, 3, 4],
    [2, 3, 4, 5, 6],
    [7, 1, 2],
    [6],
    [1, 2, 3, 4, 5, 6, 7],
    [5, 5, 1],
  ];
  const workWeek = WEEKS[int(WEEKS.length)]!;
  // Holidays: runs of dates (so weeks go by without a business day), weekend ones, duplicates, a malformed one.
  const holidays: { date: string; name: string }[] = [];
  for (let i = int(25); i > 0; i -= 1) {
    const start = BASE.add({ days: int(365 * 4) });
    for (let k = int(4); k >= 0; k -= 1)
      holidays.push({ date: start.add({ days: k }).toString(), name: `H${i}` });
  }
  if (holidays.length && r() < 0.3) holidays.push({ ...holidays[0]! });
  if (r() < 0.1) holidays.push({ date: '2025-2-3', name: 'malformed' });
  return { r, int, date, workWeek, holidays };
}

/** The value, or the error's class: two implementations agree when both give the same of either. */
function outcome<T>(fn: () => T): T | { threw: string } {
  try {
    return fn();
  } catch (e) {
    return { threw: (e as Error).constructor.name };
  }
}

describe('integer-day business days equal the Temporal ones', () => {
  it('isBusinessDay, nonBusinessReason, nearestBusinessDay, addBusinessDays, businessDaysBefore', () => {
    for (let seed = 1; seed <= 150; seed += 1) {
      const { int, date, workWeek, holidays } = cases(seed);
      for (let i = 0; i < 20; i += 1) {
        const d = date();
        const n = int(30) - (i % 2 ? 15 : 0);
        const step = i % 2 ? 1 : -1;
        const label = `seed ${seed}, ${d}, n ${n}, week ${workWeek}`;
        expect(integer.isBusinessDay(d, workWeek, holidays), label).toBe(
          temporal.isBusinessDay(d, workWeek, holidays),
        );
        expect(integer.nonBusinessReason(d, workWeek, holidays), label).toBe(
          temporal.nonBusinessReason(d, workWeek, holidays),
        );
        expect(integer.nearestBusinessDay(d, step, workWeek, holidays), label).toBe(
          temporal.nearestBusinessDay(d, step, workWeek, holidays),
        );
        expect(integer.addBusinessDays(d, n, workWeek, holidays), label).toBe(
          temporal.addBusinessDays(d, n, workWeek, holidays),
        );
        expect(
          outcome(() => integer.businessDaysBefore(d, n, workWeek, holidays)),
          label,
        ).toEqual(outcome(() => temporal.businessDaysBefore(d, n, workWeek, holidays)));
      }
    }
  });

  it('agrees on the edges: bad dates, empty work weeks, fractional n, year boundaries, leap days', () => {
    const weeks: number[][] = [[], [0, 8], [1, 2, 3, 4, 5]];
    const dates = [
      '2026-02-30',
      '2026-13-01',
      'x',
      '',
      '2028-02-29',
      '2026-12-31',
      '0099-06-01',
      '2026-03-14T10:00',
    ];
    const holidays = [{ date: '2028-02-29', name: 'leap' }];
    for (const w of weeks)
      for (const d of dates)
        for (const n of [0, 1, -1, 2.5, -3]) {
          const label = `${d} ${n} [${w}]`;
          for (const fn of ['isBusinessDay', 'addBusinessDays', 'businessDaysBefore'] as const) {
            const call = (impl: typeof integer | typeof temporal) => () =>
              fn === 'isBusinessDay' ? impl.isBusinessDay(d, w, holidays) : impl[fn](d, n, w, holidays);
            expect(outcome(call(integer)), `${fn} ${label}`).toEqual(outcome(call(temporal)));
          }
          expect(
            outcome(() => integer.nearestBusinessDay(d, 1, w, holidays)),
            label,
          ).toEqual(outcome(() => temporal.nearestBusinessDay(d, 1, w, holidays)));
        }
  });
});

describe('integer-day lead times equal the Temporal ones', () => {
  const RULES = [
    { bundle: 'none', distributeBusinessDays: 0, publishBusinessDays: 0 },
    { bundle: 'lite', distributeBusinessDays: 5, publishBusinessDays: 2 },
    { bundle: 'full', distributeBusinessDays: 10, publishBusinessDays: 3 },
    { bundle: 'full', distributeBusinessDays: 0, publishBusinessDays: 20 },
  ] as const;

  it('leadTime over launches near and far, done on time, late or not at all', () => {
    for (let seed = 1; seed <= 120; seed += 1) {
      const { r, int, date, workWeek, holidays } = cases(seed);
      if (!workWeek.length) continue;
      for (let i = 0; i < 10; i += 1) {
        const today = date();
        // Mostly launches within weeks of today, some up to a year and more either side.
        const launch = r() < 0.3 ? shift(today, int(900) - 450) : shift(today, int(40) - 10);
        const maybe = () => (r() < 0.4 ? null : shift(launch, -int(30)));
        const input = {
          tier: ((i % 3) + 1) as 1 | 2 | 3,
          launch,
          today,
          rule: RULES[int(RULES.length)]!,
          workWeek,
          holidays,
          distributedOn: maybe(),
          publishedOn: maybe(),
        };
        expect(leadTime(input), `seed ${seed} ${JSON.stringify(input)}`).toEqual(leadTimeTemporal(input));
      }
    }
  });

  it('post-launch check-in days', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const { date, workWeek, holidays } = cases(seed);
      if (!workWeek.length) continue;
      for (let i = 0; i < 20; i += 1) {
        const launched = date();
        const checkIn = (days: number) => {
          const nominal = Temporal.PlainDate.from(launched).add({ days }).toString();
          return temporal.isBusinessDay(nominal, workWeek, holidays)
            ? nominal
            : temporal.nearestBusinessDay(nominal, 1, workWeek, holidays);
        };
        expect(postLaunchDates(launched, workWeek, holidays)).toEqual({
          day3: checkIn(3),
          day14: checkIn(14),
        });
      }
    }
  });

  it('the shared counting of business days in a range matches day-by-day counting', () => {
    for (let seed = 1; seed <= 80; seed += 1) {
      const { int, date, workWeek, holidays } = cases(seed);
      for (let i = 0; i < 10; i += 1) {
        const from = date();
        const to = Temporal.PlainDate.from(from)
          .add({ days: int(400) })
          .toString();
        let count = 0;
        for (
          let d = Temporal.PlainDate.from(from).add({ days: 1 });
          Temporal.PlainDate.compare(d, to) <= 0;
          d = d.add({ days: 1 })
        )
          if (temporal.isBusinessDay(d.toString(), workWeek, holidays)) count += 1;
        expect(
          integer.businessDaysBetween(from, to, workWeek, holidays),
          `${from}..${to} [${workWeek}]`,
        ).toBe(count);
      }
    }
  });
});
