import { describe, expect, it } from 'vitest';
import type { THolidayPolicy, TSchedule } from '../../shared/cadence.ts';
import type { PlannedOccurrencesOptions } from './occurrences.ts';
import { MAX_WINDOW_DAYS, plannedOccurrences } from './occurrences.ts';

const MON_FRI = [1, 2, 3, 4, 5];
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
const thursday16: TSchedule = { kind: 'weekly', weekday: 4, time: '16:00' };

describe('holidays and non-work days', () => {
  const ny = (policy: THolidayPolicy, holidays: { date: string; name: string }[], workWeek = MON_FRI) => ({
    timeZone: 'America/New_York',
    holidayPolicy: policy,
    holidays,
    workWeek,
  });
  const thanksgiving = [{ date: '2026-11-26', name: 'Thanksgiving' }];

  it('skip: returns the occurrence as skipped, with the holiday name', () => {
    const os = plan(thursday16, '2026-11-19', '2026-12-03', ny('skip', thanksgiving));
    expect(os.map((o) => [o.key, o.status, o.holiday])).toEqual([
      ['2026-11-19', 'scheduled', null],
      ['2026-11-26', 'skipped', 'Thanksgiving'],
      ['2026-12-03', 'scheduled', null],
    ]);
    expect(os[1]).toMatchObject({
      localDate: '2026-11-26',
      startsAt: '2026-11-26T21:00:00.000Z',
      shiftedFrom: null,
    });
  });

  it('keep: leaves an occurrence on a holiday untouched', () => {
    const [o] = plan(thursday16, '2026-11-26', '2026-11-26', ny('keep', thanksgiving));
    expect(o).toMatchObject({
      status: 'scheduled',
      localDate: '2026-11-26',
      shiftedFrom: null,
      holiday: null,
    });
  });

  it('next_business_day: moves a Friday holiday over the weekend to Monday, same local time', () => {
    const friday16: TSchedule = { kind: 'weekly', weekday: 5, time: '16:00' };
    const [o] = plan(
      friday16,
      '2026-07-03',
      '2026-07-03',
      ny('next_business_day', [{ date: '2026-07-03', name: 'Independence Day (observed)' }]),
    );
    expect(o).toEqual({
      key: '2026-07-03',
      localDate: '2026-07-06',
      localTime: '16:00',
      startsAt: '2026-07-06T20:00:00.000Z',
      endsAt: '2026-07-06T20:30:00.000Z',
      status: 'scheduled',
      shiftedFrom: '2026-07-03',
      holiday: 'Independence Day (observed)',
    });
  });

  it('next_business_day: walks over a chain of two holidays and a weekend', () => {
    const holidays = [
      { date: '2026-12-24', name: 'Christmas Eve' },
      { date: '2026-12-25', name: 'Christmas' },
    ];
    const [o] = plan(thursday16, '2026-12-24', '2026-12-24', ny('next_business_day', holidays));
    expect(o).toMatchObject({
      localDate: '2026-12-28',
      startsAt: '2026-12-28T21:00:00.000Z',
      holiday: 'Christmas Eve',
    });
  });

  it('previous_business_day: walks back over a chain of holidays and a weekend', () => {
    const monday16: TSchedule = { kind: 'weekly', weekday: 1, time: '16:00' };
    const holidays = [
      { date: '2026-01-19', name: 'MLK Day' },
      { date: '2026-01-16', name: 'Company day off' },
    ];
    const [o] = plan(monday16, '2026-01-19', '2026-01-19', ny('previous_business_day', holidays));
    expect(o).toMatchObject({
      key: '2026-01-19',
      localDate: '2026-01-15',
      startsAt: '2026-01-15T21:00:00.000Z',
    });
  });

  it('uses the UTC offset of the date it moves to, not of the nominal date', () => {
    // Monday 2026-03-09 is EDT (20:00Z); the Friday before is still EST (21:00Z).
    const monday16: TSchedule = { kind: 'weekly', weekday: 1, time: '16:00' };
    const [o] = plan(
      monday16,
      '2026-03-09',
      '2026-03-09',
      ny('previous_business_day', [{ date: '2026-03-09', name: 'Offsite' }]),
    );
    expect(o).toMatchObject({ localDate: '2026-03-06', startsAt: '2026-03-06T21:00:00.000Z' });
  });

  it('treats a weekday outside the work week like a holiday', () => {
    const friday16: TSchedule = { kind: 'weekly', weekday: 5, time: '16:00' };
    const monThu = [1, 2, 3, 4];
    const skipped = plan(friday16, '2026-03-06', '2026-03-13', ny('skip', [], monThu));
    expect(skipped.map((o) => [o.key, o.status, o.holiday])).toEqual([
      ['2026-03-06', 'skipped', 'not a work day'],
      ['2026-03-13', 'skipped', 'not a work day'],
    ]);
    expect(
      plan(friday16, '2026-03-06', '2026-03-06', ny('next_business_day', [], monThu))[0]?.localDate,
    ).toBe('2026-03-09');
    expect(
      plan(friday16, '2026-03-06', '2026-03-06', ny('previous_business_day', [], monThu))[0]?.localDate,
    ).toBe('2026-03-05');
  });

  it('filters the window on the nominal date, so adjacent windows neither repeat nor drop a shifted occurrence', () => {
    const friday16: TSchedule = { kind: 'weekly', weekday: 5, time: '16:00' };
    const opts = ny('next_business_day', [{ date: '2026-07-03', name: 'Independence Day (observed)' }]);
    const first = plan(friday16, '2026-06-29', '2026-07-03', opts);
    const second = plan(friday16, '2026-07-04', '2026-07-10', opts);
    expect(first.map((o) => [o.key, o.localDate])).toEqual([['2026-07-03', '2026-07-06']]);
    expect(second.map((o) => [o.key, o.localDate])).toEqual([['2026-07-10', '2026-07-10']]);
    expect([...first, ...second]).toEqual(plan(friday16, '2026-06-29', '2026-07-10', opts));
  });

  it('sorts by startsAt when a shift lands on the same day as the next occurrence', () => {
    // Thursday 12-24 moves past a run of holidays to Thursday 12-31, the next nominal date.
    const holidays = ['2026-12-24', '2026-12-25', '2026-12-28', '2026-12-29', '2026-12-30'].map((date) => ({
      date,
      name: 'Winter break',
    }));
    const os = plan(thursday16, '2026-12-24', '2026-12-31', ny('next_business_day', holidays));
    expect(os.map((o) => [o.key, o.localDate])).toEqual([
      ['2026-12-24', '2026-12-31'],
      ['2026-12-31', '2026-12-31'],
    ]);
  });
});

describe('guards', () => {
  it(`accepts a window of ${MAX_WINDOW_DAYS} days and refuses one day more`, () => {
    expect(plan(thursday16, '2026-01-01', '2028-03-10')).toHaveLength(115);
    expect(() => plan(thursday16, '2026-01-01', '2028-03-11')).toThrow(RangeError);
  });

  it('refuses an inverted window, a bad date, a bad time zone and a negative duration', () => {
    expect(() => plan(thursday16, '2026-02-01', '2026-01-31')).toThrow(RangeError);
    expect(() => plan(thursday16, '2026-02-30', '2026-03-31')).toThrow(RangeError);
    expect(() => plan(thursday16, '2026-01-01', '2026-01-02', { timeZone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
    expect(() => plan(thursday16, '2026-01-01', '2026-01-31', { durationMinutes: -1 })).toThrow(RangeError);
  });

  it('refuses to shift when the work week is empty instead of looping forever', () => {
    expect(() =>
      plan(thursday16, '2026-01-01', '2026-01-31', { workWeek: [], holidayPolicy: 'next_business_day' }),
    ).toThrow(RangeError);
  });
});
