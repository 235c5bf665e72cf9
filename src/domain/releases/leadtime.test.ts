import { describe, expect, it } from 'vitest';
import { type LeadTimeInput, type LeadTimeRule, leadTime, leadTimeJson } from './leadtime.ts';

const MON_FRI = [1, 2, 3, 4, 5];
const US_2026 = [
  { date: '2026-11-26', name: 'Thanksgiving' },
  { date: '2026-12-25', name: 'Christmas Day' },
];
const TIER1: LeadTimeRule = { bundle: 'none', distributeBusinessDays: 0, publishBusinessDays: 0 };
const TIER2: LeadTimeRule = { bundle: 'lite', distributeBusinessDays: 5, publishBusinessDays: 2 };
const TIER3: LeadTimeRule = { bundle: 'full', distributeBusinessDays: 10, publishBusinessDays: 2 };

function tier3(overrides: Partial<LeadTimeInput> = {}) {
  return leadTime({
    tier: 3,
    launch: '2026-12-24',
    today: '2026-12-01',
    rule: TIER3,
    workWeek: MON_FRI,
    holidays: US_2026,
    ...overrides,
  });
}

describe('leadTime deadlines', () => {
  it('Tier 3 launching Thursday 2026-12-24: distribute by 12-10, publish by 12-22', () => {
    const lt = tier3();
    expect(lt.distributeBy).toBe('2026-12-10');
    expect(lt.publishBy).toBe('2026-12-22');
    expect(lt.deadlines.map((d) => [d.kind, d.due])).toEqual([
      ['distribute', '2026-12-10'],
      ['publish', '2026-12-22'],
    ]);
  });

  it('counts a Saturday launch from the Friday before it', () => {
    const base = { tier: 2 as const, today: '2026-03-01', rule: TIER2, workWeek: MON_FRI, holidays: [] };
    const saturday = leadTime({ ...base, launch: '2026-03-14' });
    const friday = leadTime({ ...base, launch: '2026-03-13' });
    expect([saturday.distributeBy, saturday.publishBy]).toEqual(['2026-03-06', '2026-03-11']);
    expect([friday.distributeBy, friday.publishBy]).toEqual(['2026-03-06', '2026-03-11']);
  });

  it('moves the deadline earlier when a holiday falls inside the window', () => {
    const launch = '2026-12-03';
    expect(tier3({ launch, today: '2026-11-01' }).distributeBy).toBe('2026-11-18');
    expect(tier3({ launch, today: '2026-11-01', holidays: [] }).distributeBy).toBe('2026-11-19');
  });

  it('counts from the business day before a launch that falls on a holiday', () => {
    // Christmas Friday 2026-12-25: day 0 is Thursday 12-24.
    const lt = tier3({ launch: '2026-12-25' });
    expect([lt.distributeBy, lt.publishBy]).toEqual(['2026-12-10', '2026-12-22']);
  });

  it('follows a Sunday–Thursday work week', () => {
    // Launch Sunday 2026-03-15; 2 business days back: Thu 03-12, Wed 03-11.
    const lt = leadTime({
      tier: 2,
      launch: '2026-03-15',
      today: '2026-03-01',
      rule: TIER2,
      workWeek: [7, 1, 2, 3, 4],
      holidays: [],
    });
    expect(lt.publishBy).toBe('2026-03-11');
    expect(lt.distributeBy).toBe('2026-03-08');
  });
});

describe('leadTime statuses', () => {
  const distribute = (overrides: Partial<LeadTimeInput>) => tier3(overrides).deadlines[0]!;

  it('is done when distributed on or before the due date', () => {
    const d = distribute({ today: '2026-12-15', distributedOn: '2026-12-10' });
    expect(d).toEqual({
      kind: 'distribute',
      due: '2026-12-10',
      status: 'done',
      doneOn: '2026-12-10',
      businessDaysLeft: -3,
    });
  });

  it('is done_late when distributed after the due date, with a sentence saying so', () => {
    const lt = tier3({ today: '2026-12-15', distributedOn: '2026-12-11', publishedOn: '2026-12-14' });
    expect(lt.deadlines.map((d) => d.status)).toEqual(['done_late', 'done']);
    expect(lt.canMeet).toBe(false);
    expect(lt.late).toEqual([
      'Bundle was distributed on 2026-12-11, after it was due 2026-12-10 (10 business days before launch).',
    ]);
  });

  it('is open on the due day itself, with 0 business days left', () => {
    const lt = tier3({ today: '2026-12-10' });
    expect(lt.deadlines[0]).toMatchObject({ status: 'open', businessDaysLeft: 0 });
    expect(lt.deadlines[1]).toMatchObject({ status: 'open', businessDaysLeft: 8 });
    expect(lt.canMeet).toBe(true);
    expect(lt.late).toEqual([]);
  });

  it('is missed the day after, with a negative count of business days', () => {
    const lt = tier3({ today: '2026-12-11' });
    expect(lt.deadlines[0]).toMatchObject({ status: 'missed', businessDaysLeft: -1, doneOn: null });
    expect(lt.canMeet).toBe(false);
    expect(lt.late).toEqual([
      'Bundle distribution was due 2026-12-10 (10 business days before launch) and has not happened.',
    ]);
  });

  it('counts only business days: open three business days ahead, missed over a weekend', () => {
    expect(distribute({ today: '2026-12-07' })).toMatchObject({ status: 'open', businessDaysLeft: 3 });
    expect(distribute({ today: '2026-12-12' })).toMatchObject({ status: 'missed', businessDaysLeft: -1 });
  });

  it('reports both deadlines when neither happened', () => {
    const lt = tier3({ today: '2026-12-23' });
    expect(lt.late).toEqual([
      'Bundle distribution was due 2026-12-10 (10 business days before launch) and has not happened.',
      'Final bundle publication was due 2026-12-22 (2 business days before launch) and has not happened.',
    ]);
  });

  it('needs no deadline for a tier without a bundle', () => {
    const lt = leadTime({
      tier: 1,
      launch: '2026-12-24',
      today: '2026-12-23',
      rule: TIER1,
      workWeek: MON_FRI,
      holidays: [],
    });
    expect(lt.distributeBy).toBeNull();
    expect(lt.publishBy).toBeNull();
    expect(lt.deadlines.map((d) => [d.status, d.due, d.businessDaysLeft])).toEqual([
      ['not_required', null, null],
      ['not_required', null, null],
    ]);
    expect(lt.canMeet).toBe(true);
    expect(lt.earliestCompliantLaunch).toBe('2026-12-23');
  });
});

describe('earliestCompliantLaunch', () => {
  it('is 10 business days after a business-day today for Tier 3', () => {
    expect(tier3({ today: '2026-12-07' }).earliestCompliantLaunch).toBe('2026-12-21');
  });

  it('starts from the next business day on a weekend and skips holidays', () => {
    expect(tier3({ today: '2026-12-12' }).earliestCompliantLaunch).toBe('2026-12-29');
  });

  it('is the next business day for a zero lead time on a Saturday (Friday has passed)', () => {
    const rule: LeadTimeRule = { bundle: 'lite', distributeBusinessDays: 0, publishBusinessDays: 0 };
    const lt = leadTime({
      tier: 2,
      launch: '2026-03-20',
      today: '2026-03-14',
      rule,
      workWeek: MON_FRI,
      holidays: [],
    });
    expect(lt.earliestCompliantLaunch).toBe('2026-03-16');
  });
});

describe('leadTimeJson', () => {
  it('prints the fields in a stable order', () => {
    const json = leadTimeJson(tier3({ today: '2026-12-11' }));
    expect(Object.keys(json)).toEqual([
      'tier',
      'launch',
      'today',
      'distributeBy',
      'publishBy',
      'canMeet',
      'late',
      'earliestCompliantLaunch',
      'deadlines',
    ]);
    expect(JSON.parse(JSON.stringify(json))).toMatchObject({ distributeBy: '2026-12-10', canMeet: false });
  });
});

// ---- Property test against an oracle that does not use business-days.ts or Temporal. ----

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The oracle counts in whole UTC days since the epoch; weekdays come from Date#getUTCDay.
const DAY_MS = 86_400_000;
const toDay = (s: string): number => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const shift = (s: string, days: number): string => fromDay(toDay(s) + days);
const isoWeekday = (day: number): number => new Date(day * DAY_MS).getUTCDay() || 7;

interface OracleCalendar {
  workWeek: readonly number[];
  holidays: ReadonlySet<number>;
}

const oracleIsBusiness = (day: number, cal: OracleCalendar): boolean =>
  cal.workWeek.includes(isoWeekday(day)) && !cal.holidays.has(day);

/** Walk back one calendar day at a time: find day 0, then count n business days. */
function oracleBefore(launch: number, n: number, cal: OracleCalendar): number {
  let d = launch;
  while (!oracleIsBusiness(d, cal)) d -= 1;
  for (let counted = 0; counted < n; ) {
    d -= 1;
    if (oracleIsBusiness(d, cal)) counted += 1;
  }
  return d;
}

/** Brute force: try every calendar day from today on. */
function oracleEarliest(today: number, rule: LeadTimeRule, cal: OracleCalendar): number {
  const ns = [rule.distributeBusinessDays, rule.publishBusinessDays];
  for (let l = today; ; l += 1) {
    if (ns.every((n) => oracleBefore(l, n, cal) >= today)) return l;
  }
}

function oracleDaysLeft(today: number, due: number, cal: OracleCalendar): number {
  const [from, to, sign] = today <= due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let d = from + 1; d <= to; d += 1) if (oracleIsBusiness(d, cal)) count += 1;
  return sign * count;
}

const WORK_WEEKS = [
  [1, 2, 3, 4, 5],
  [7, 1, 2, 3, 4], // Sun–Thu
  [1, 2, 3, 4, 5, 6], // 6-day week
  [2, 3, 4, 5, 6],
  [1, 2, 3, 4],
  [6, 7],
  [3],
];

function randomCase(rand: () => number) {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const year = int(2024, 2030);
  // Half the launches sit within three weeks of a year end, where holidays cluster.
  const launch =
    rand() < 0.5 ? shift(`${year}-12-31`, int(-21, 21)) : shift('2024-01-01', int(0, 7 * 365 - 1));
  const workWeek =
    rand() < 0.7
      ? WORK_WEEKS[int(0, WORK_WEEKS.length - 1)]!
      : [1, 2, 3, 4, 5, 6, 7].filter(() => rand() < 0.5).concat(int(1, 7));
  const holidays = new Set<string>();
  for (let i = int(0, 12); i > 0; i -= 1) holidays.add(shift(launch, -int(0, 60)));
  // Cluster holidays around the year end nearest the launch.
  const yearEnd = Number(launch.slice(0, 4)) - (launch.slice(5, 7) === '01' ? 1 : 0);
  if (rand() < 0.5) for (const d of ['12-24', '12-25', '12-26', '12-31']) holidays.add(`${yearEnd}-${d}`);
  if (rand() < 0.5) holidays.add(`${yearEnd + 1}-01-01`);
  const rule: LeadTimeRule = {
    bundle: rand() < 0.5 ? 'full' : 'lite',
    distributeBusinessDays: int(0, 15),
    publishBusinessDays: int(0, 15),
  };
  const today = shift(launch, -int(-10, 45));
  return { launch, today, workWeek: [...new Set(workWeek)], holidays, rule };
}

describe('leadTime property: matches an independent calendar-walking oracle', () => {
  it('agrees on 2,000 seeded random cases', () => {
    const rand = mulberry32(20261224);
    let withHolidayOffWork = 0;
    for (let i = 0; i < 2000; i += 1) {
      const c = randomCase(rand);
      const cal = { workWeek: c.workWeek, holidays: new Set([...c.holidays].map(toDay)) };
      withHolidayOffWork += [...cal.holidays].some((h) => !c.workWeek.includes(isoWeekday(h))) ? 1 : 0;
      const holidays = [...c.holidays].map((date) => ({ date, name: 'Holiday' }));
      const lt = leadTime({
        tier: 3,
        launch: c.launch,
        today: c.today,
        rule: c.rule,
        workWeek: c.workWeek,
        holidays,
      });
      const launch = toDay(c.launch);
      const distributeBy = oracleBefore(launch, c.rule.distributeBusinessDays, cal);
      const expected = {
        distributeBy: fromDay(distributeBy),
        publishBy: fromDay(oracleBefore(launch, c.rule.publishBusinessDays, cal)),
        earliestCompliantLaunch: fromDay(oracleEarliest(toDay(c.today), c.rule, cal)),
        businessDaysLeft: oracleDaysLeft(toDay(c.today), distributeBy, cal),
      };
      const actual = {
        distributeBy: lt.distributeBy,
        publishBy: lt.publishBy,
        earliestCompliantLaunch: lt.earliestCompliantLaunch,
        businessDaysLeft: lt.deadlines[0]!.businessDaysLeft,
      };
      expect(actual, JSON.stringify({ ...c, holidays: [...c.holidays] })).toEqual(expected);
    }
    // The generator really exercises holidays outside the work week.
    expect(withHolidayOffWork).toBeGreaterThan(400);
  });
});
