import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  currentWeekKey,
  endOfLocalDay,
  endOfMonth,
  isLocalDate,
  isoWeekday,
  isoWeekKey,
  isWeekKey,
  localDateTime,
  localInstant,
  parseWeekKey,
  startOfMonth,
  startOfWeek,
  todayIn,
  weekDates,
  weeksInIsoYear,
} from './calendar.ts';

const NY = 'America/New_York';

describe('local dates', () => {
  it('does calendar arithmetic on local dates', () => {
    expect(startOfWeek('2026-11-22')).toBe('2026-11-16');
    expect(startOfWeek('2026-11-16')).toBe('2026-11-16');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(addMonths('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-01');
    expect(startOfMonth('2026-11-19')).toBe('2026-11-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(isoWeekday('2026-11-22')).toBe(7);
    expect(isoWeekday('2026-11-16')).toBe(1);
  });

  it('refuses anything but a real YYYY-MM-DD date', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow('expected a date like 2026-11-19, got "2026-02-29"');
    expect(() => addDays('2026-11-19T10:00', 1)).toThrow(RangeError);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('20261119')).toBe(false);
  });
});

describe('the wall clock of a time zone', () => {
  it("takes today's date in the org's time zone", () => {
    const instant = new Date('2026-11-21T03:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2026-11-21');
    expect(todayIn('America/New_York', instant)).toBe('2026-11-20');
    expect(todayIn('Asia/Tokyo', instant)).toBe('2026-11-21');
    expect(todayIn(NY, new Date('2026-11-21T03:00:00Z'))).toBe('2026-11-20');
    expect(localDateTime(instant, 'Asia/Kolkata')).toEqual({ date: '2026-11-21', time: '09:00' });
  });

  it('reads a local date and time as an instant, across DST changes either side of Greenwich', () => {
    expect(localInstant('2026-11-19', '16:00', NY).toISOString()).toBe('2026-11-19T21:00:00.000Z');
    expect(localInstant('2026-07-01', '09:15', 'Asia/Kolkata').toISOString()).toBe(
      '2026-07-01T03:45:00.000Z',
    );
    // 02:30 does not exist on 8 March 2026 in New York: it moves forward by the gap, to 03:30 EDT.
    expect(localInstant('2026-03-08', '02:30', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 1 November 2026 in New York, 02:30 twice on 25 October 2026 in Berlin: the earlier.
    expect(localInstant('2026-11-01', '01:30', NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(localInstant('2026-10-25', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    // Berlin skips 02:00–03:00 on 29 March 2026.
    expect(localInstant('2026-03-29', '02:30', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(localInstant('2026-11-19', '16:00:30', 'UTC').toISOString()).toBe('2026-11-19T16:00:30.000Z');
  });

  it('refuses a bad time or an unknown time zone', () => {
    expect(() => localInstant('2026-11-19', '24:00', NY)).toThrow('expected a time like 14:00, got "24:00"');
    expect(() => localInstant('2026-11-19', '9:00', NY)).toThrow(RangeError);
    expect(() => localInstant('2026-11-19', '09:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => todayIn('Mars/Olympus', new Date(0))).toThrow(RangeError);
  });
});

describe('endOfLocalDay', () => {
  it('is the last millisecond of the date in the zone, on DST days too', () => {
    expect(endOfLocalDay('2026-12-12', 'America/New_York').toISOString()).toBe('2026-12-13T04:59:59.999Z');
    // Spring forward: 8 Mar 2026 has 23 hours in New York, and its end is in EDT.
    expect(endOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T03:59:59.999Z');
    expect(endOfLocalDay('2026-12-31', 'Asia/Tokyo').toISOString()).toBe('2026-12-31T14:59:59.999Z');
  });
});

describe('isoWeekKey', () => {
  it('uses ISO weeks, including the year edges', () => {
    expect(isoWeekKey('2026-11-21')).toBe('2026-W47');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
  });

  it('keys a date by its ISO week', () => {
    expect(isoWeekKey('2026-11-16')).toBe('2026-W47');
    expect(isoWeekKey('2026-11-19')).toBe('2026-W47');
    expect(isoWeekKey('2026-11-22')).toBe('2026-W47');
    expect(isoWeekKey('2026-11-23')).toBe('2026-W48');
    expect(isoWeekKey('2026-03-02')).toBe('2026-W10');
  });

  it('uses the ISO week-numbering year at New Year (2026 has 53 weeks)', () => {
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
    expect(isoWeekKey('2026-12-28')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
  });

  it('refuses anything but a real YYYY-MM-DD date', () => {
    expect(() => isoWeekKey('2026-02-30')).toThrow(RangeError);
    expect(() => isoWeekKey('20261119')).toThrow(/like 2026-11-19/);
    expect(() => isoWeekKey('2026-11-19T10:00')).toThrow(RangeError);
  });
});

describe('parseWeekKey', () => {
  it('reads a valid key, including week 53 of a 53-week year', () => {
    expect(parseWeekKey('2026-W47')).toEqual({ year: 2026, week: 47 });
    expect(parseWeekKey('2026-W53')).toEqual({ year: 2026, week: 53 });
    expect(parseWeekKey('2026-W01')).toEqual({ year: 2026, week: 1 });
  });

  it('knows which years have 53 weeks', () => {
    expect(weeksInIsoYear(2026)).toBe(53);
    expect(weeksInIsoYear(2020)).toBe(53);
    expect(weeksInIsoYear(2027)).toBe(52);
  });

  it('refuses weeks that do not exist, with the valid range', () => {
    expect(() => parseWeekKey('2026-W54')).toThrow(
      '"2026-W54" does not exist: ISO year 2026 has weeks W01 to W53',
    );
    expect(() => parseWeekKey('2027-W53')).toThrow('ISO year 2027 has weeks W01 to W52');
    expect(() => parseWeekKey('2026-W00')).toThrow(RangeError);
  });

  it('tells whether a key names a week that exists, without throwing', () => {
    expect(isWeekKey('2026-W53')).toBe(true);
    expect(isWeekKey('2027-W53')).toBe(false);
    expect(isWeekKey('2026-W00')).toBe(false);
    expect(isWeekKey('2026-W7')).toBe(false);
  });

  it('refuses malformed keys, saying what a key looks like', () => {
    for (const bad of ['2026-47', '2026W47', '2026-W7', '2026-w47', ' 2026-W47', '2026-W470', '']) {
      expect(() => parseWeekKey(bad)).toThrow(`"${bad}" is not an ISO week: use YEAR-Wnn, like 2026-W47`);
    }
  });
});

describe('weekDates and addWeeks', () => {
  it('gives Monday and Sunday, across the year boundary for week 53', () => {
    expect(weekDates('2026-W47')).toEqual({ monday: '2026-11-16', sunday: '2026-11-22' });
    expect(weekDates('2026-W53')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weekDates('2026-W01')).toEqual({ monday: '2025-12-29', sunday: '2026-01-04' });
  });

  it('steps weeks through week 53', () => {
    expect(addWeeks('2026-W52', 1)).toBe('2026-W53');
    expect(addWeeks('2026-W53', 1)).toBe('2027-W01');
    expect(addWeeks('2027-W01', -1)).toBe('2026-W53');
    expect(addWeeks('2026-W47', 0)).toBe('2026-W47');
    expect(() => addWeeks('2026-W47', 1.5)).toThrow(RangeError);
  });
});

describe('currentWeekKey', () => {
  it('judges the week by the org-local date', () => {
    const mondayUtc = new Date('2026-11-16T03:00:00Z');
    expect(currentWeekKey(mondayUtc, 'UTC')).toBe('2026-W47');
    expect(currentWeekKey(mondayUtc, 'America/New_York')).toBe('2026-W46');
  });

  it('crosses from week 53 into the next ISO year by local date', () => {
    const sundayUtc = new Date('2027-01-03T23:30:00Z');
    expect(currentWeekKey(sundayUtc, 'UTC')).toBe('2026-W53');
    expect(currentWeekKey(sundayUtc, 'Pacific/Auckland')).toBe('2027-W01');
  });
});
