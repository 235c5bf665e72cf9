import { describe, expect, it } from 'vitest';
import type { TSchedule } from '../../shared/cadence.ts';
import type { PlannedOccurrencesOptions } from './occurrences.ts';
import { plannedOccurrences } from './occurrences.ts';

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

function plan(
  schedule: TSchedule,
  from: string,
  to: string,
  extra: Partial<PlannedOccurrencesOptions> = {},
): ReturnType<typeof plannedOccurrences> {
  return plannedOccurrences({
    schedule,
    durationMinutes: 30,
    timeZone: 'UTC',
    from,
    to,
    holidays: [],
    workWeek: ALL_DAYS,
    holidayPolicy: 'keep',
    ...extra,
  });
}
const starts = (os: { startsAt: string }[]) => os.map((o) => o.startsAt);
const keys = (os: { key: string }[]) => os.map((o) => o.key);
const thursday16: TSchedule = { kind: 'weekly', weekday: 4, time: '16:00' };

describe('weekly occurrences across DST', () => {
  it('keeps 16:00 New York wall time through the March 8 2026 spring-forward', () => {
    const os = plan(thursday16, '2026-02-26', '2026-03-19', { timeZone: 'America/New_York' });
    expect(starts(os)).toEqual([
      '2026-02-26T21:00:00.000Z',
      '2026-03-05T21:00:00.000Z',
      '2026-03-12T20:00:00.000Z',
      '2026-03-19T20:00:00.000Z',
    ]);
    expect(os[0]).toEqual({
      key: '2026-02-26',
      localDate: '2026-02-26',
      localTime: '16:00',
      startsAt: '2026-02-26T21:00:00.000Z',
      endsAt: '2026-02-26T21:30:00.000Z',
      status: 'scheduled',
      shiftedFrom: null,
      holiday: null,
    });
  });

  it('keeps 16:00 New York wall time through the November 1 2026 fall-back', () => {
    const os = plan(thursday16, '2026-10-22', '2026-11-12', { timeZone: 'America/New_York' });
    expect(starts(os)).toEqual([
      '2026-10-22T20:00:00.000Z',
      '2026-10-29T20:00:00.000Z',
      '2026-11-05T21:00:00.000Z',
      '2026-11-12T21:00:00.000Z',
    ]);
  });

  it('moves a nonexistent 02:30 on the spring-forward day to 03:30 EDT', () => {
    const sunday0230: TSchedule = { kind: 'weekly', weekday: 7, time: '02:30' };
    const os = plan(sunday0230, '2026-03-01', '2026-03-15', { timeZone: 'America/New_York' });
    expect(starts(os)).toEqual([
      '2026-03-01T07:30:00.000Z', // 02:30 EST
      '2026-03-08T07:30:00.000Z', // 02:30 does not exist: 03:30 EDT
      '2026-03-15T06:30:00.000Z', // 02:30 EDT
    ]);
    expect(os[1]?.localTime).toBe('02:30');
  });

  it('takes the earlier instant for an ambiguous 01:30 on the fall-back day', () => {
    const sunday0130: TSchedule = { kind: 'weekly', weekday: 7, time: '01:30' };
    const os = plan(sunday0130, '2026-10-25', '2026-11-08', { timeZone: 'America/New_York' });
    expect(starts(os)).toEqual([
      '2026-10-25T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z', // 01:30 EDT, not 01:30 EST (06:30Z)
      '2026-11-08T06:30:00.000Z',
    ]);
  });

  it('follows Europe/Paris changes on March 29 and October 25 2026', () => {
    const monday9: TSchedule = { kind: 'weekly', weekday: 1, time: '09:00' };
    expect(starts(plan(monday9, '2026-03-23', '2026-03-30', { timeZone: 'Europe/Paris' }))).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    expect(starts(plan(monday9, '2026-10-19', '2026-10-26', { timeZone: 'Europe/Paris' }))).toEqual([
      '2026-10-19T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('never moves in Asia/Tokyo, which has no DST', () => {
    const monday10: TSchedule = { kind: 'weekly', weekday: 1, time: '10:00' };
    expect(starts(plan(monday10, '2026-03-02', '2026-03-09', { timeZone: 'Asia/Tokyo' }))).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T01:00:00.000Z',
    ]);
    expect(starts(plan(monday10, '2026-10-26', '2026-11-02', { timeZone: 'Asia/Tokyo' }))).toEqual([
      '2026-10-26T01:00:00.000Z',
      '2026-11-02T01:00:00.000Z',
    ]);
  });

  it('ends durationMinutes of elapsed time later, even across the DST change', () => {
    const saturday23: TSchedule = { kind: 'weekly', weekday: 6, time: '23:00' };
    const [o] = plan(saturday23, '2026-03-07', '2026-03-07', {
      timeZone: 'America/New_York',
      durationMinutes: 240,
    });
    expect(o?.startsAt).toBe('2026-03-08T04:00:00.000Z');
    expect(o?.endsAt).toBe('2026-03-08T08:00:00.000Z');
  });
});

describe('biweekly occurrences', () => {
  const tuesday10 = (anchor: string): TSchedule => ({ kind: 'biweekly', weekday: 2, time: '10:00', anchor });

  it('repeats every other week from the anchor week', () => {
    expect(keys(plan(tuesday10('2026-01-06'), '2026-01-01', '2026-02-28'))).toEqual([
      '2026-01-06',
      '2026-01-20',
      '2026-02-03',
      '2026-02-17',
    ]);
  });

  it('uses the anchor only for its week: the anchor need not be on the weekday', () => {
    expect(keys(plan(tuesday10('2026-01-08'), '2026-01-01', '2026-01-31'))).toEqual([
      '2026-01-06',
      '2026-01-20',
    ]);
    const friday: TSchedule = { kind: 'biweekly', weekday: 5, time: '10:00', anchor: '2026-01-06' };
    expect(keys(plan(friday, '2026-01-01', '2026-01-31'))).toEqual(['2026-01-09', '2026-01-23']);
  });

  it('keeps parity across the 2026-W53 year boundary', () => {
    // 2026-12-29 is in ISO week 53 and 2027-01-05 in week 01: both odd, yet only two weeks apart counts.
    expect(keys(plan(tuesday10('2026-12-29'), '2026-12-01', '2027-01-31'))).toEqual([
      '2026-12-01',
      '2026-12-15',
      '2026-12-29',
      '2027-01-12',
      '2027-01-26',
    ]);
  });

  it('works for windows before the anchor', () => {
    expect(keys(plan(tuesday10('2026-06-02'), '2026-05-01', '2026-05-31'))).toEqual([
      '2026-05-05',
      '2026-05-19',
    ]);
  });
});

describe('monthly and quarterly occurrences', () => {
  it('finds the first Wednesday of each month', () => {
    const s: TSchedule = { kind: 'monthly', weekday: 3, nth: 1, time: '11:00' };
    expect(keys(plan(s, '2026-01-01', '2026-04-30'))).toEqual([
      '2026-01-07',
      '2026-02-04',
      '2026-03-04',
      '2026-04-01',
    ]);
  });

  it('finds the fourth Monday of each month', () => {
    const s: TSchedule = { kind: 'monthly', weekday: 1, nth: 4, time: '11:00' };
    expect(keys(plan(s, '2026-01-01', '2026-03-31'))).toEqual(['2026-01-26', '2026-02-23', '2026-03-23']);
  });

  it('finds the last Friday, and a last Saturday that is the last day of the month', () => {
    const fri: TSchedule = { kind: 'monthly', weekday: 5, nth: -1, time: '11:00' };
    expect(keys(plan(fri, '2026-01-01', '2026-05-31'))).toEqual([
      '2026-01-30',
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
    ]);
    const sat: TSchedule = { kind: 'monthly', weekday: 6, nth: -1, time: '11:00' };
    expect(keys(plan(sat, '2026-01-01', '2026-01-31'))).toEqual(['2026-01-31']);
  });

  it('includes both window edges and nothing outside them', () => {
    const s: TSchedule = { kind: 'monthly', weekday: 3, nth: 1, time: '11:00' };
    expect(keys(plan(s, '2026-01-08', '2026-03-04'))).toEqual(['2026-02-04', '2026-03-04']);
    expect(keys(plan(s, '2026-01-07', '2026-01-07'))).toEqual(['2026-01-07']);
    expect(plan(s, '2026-01-08', '2026-02-03')).toEqual([]);
  });

  it('places the last Friday of the first month of each quarter, in Paris time', () => {
    const s: TSchedule = { kind: 'quarterly', monthOfQuarter: 1, weekday: 5, nth: -1, time: '13:00' };
    expect(starts(plan(s, '2026-01-01', '2026-12-31', { timeZone: 'Europe/Paris' }))).toEqual([
      '2026-01-30T12:00:00.000Z',
      '2026-04-24T11:00:00.000Z',
      '2026-07-31T11:00:00.000Z',
      '2026-10-30T12:00:00.000Z',
    ]);
  });

  it('uses the third month of each quarter when asked', () => {
    const s: TSchedule = { kind: 'quarterly', monthOfQuarter: 3, weekday: 1, nth: 1, time: '09:00' };
    expect(keys(plan(s, '2026-01-01', '2026-12-31'))).toEqual([
      '2026-03-02',
      '2026-06-01',
      '2026-09-07',
      '2026-12-07',
    ]);
  });

  it('returns nothing for per-release rituals', () => {
    expect(plan({ kind: 'per_release' }, '2026-01-01', '2026-12-31')).toEqual([]);
  });
});
