import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import {
  addWeeks,
  currentWeekKey,
  cycleInstants,
  isoWeekKey,
  parseWeekKey,
  weekDates,
  weeksInIsoYear,
} from './week.ts';

const newYork = { timeZone: 'America/New_York', deadlines: DEFAULT_SETTINGS.deadlines };
const withDue = (weekday: number, time: string) => ({
  timeZone: 'America/New_York',
  deadlines: { ...DEFAULT_SETTINGS.deadlines, weeklyUpdateDue: { weekday, time } },
});

describe('isoWeekKey', () => {
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

describe('cycleInstants', () => {
  it('defaults to Thursday 14:00 due and 16:00 publication, org time', () => {
    expect(cycleInstants('2026-W47', DEFAULT_SETTINGS)).toEqual({
      dueAt: '2026-11-19T14:00:00.000Z',
      publishAt: '2026-11-19T16:00:00.000Z',
      dueDate: '2026-11-19',
      publishDate: '2026-11-19',
    });
    expect(cycleInstants('2026-W47', { ...newYork, timeZone: 'Asia/Kolkata' }).dueAt).toBe(
      '2026-11-19T08:30:00.000Z',
    );
  });

  it('follows New York across the March DST change (week of Sunday 2026-03-08)', () => {
    // W10 is Mon 03-02 … Sun 03-08: Thursday is still EST (UTC-5); W11's Thursday is EDT (UTC-4).
    expect(cycleInstants('2026-W10', newYork)).toMatchObject({
      dueAt: '2026-03-05T19:00:00.000Z',
      publishAt: '2026-03-05T21:00:00.000Z',
    });
    expect(cycleInstants('2026-W11', newYork)).toMatchObject({
      dueAt: '2026-03-12T18:00:00.000Z',
      publishAt: '2026-03-12T20:00:00.000Z',
    });
    // Sunday 03-08: 02:30 does not exist, it moves forward to 03:30 EDT; 08:00 is already EDT.
    expect(cycleInstants('2026-W10', withDue(7, '02:30')).dueAt).toBe('2026-03-08T07:30:00.000Z');
    expect(cycleInstants('2026-W10', withDue(7, '08:00')).dueAt).toBe('2026-03-08T12:00:00.000Z');
    expect(cycleInstants('2026-W10', withDue(6, '08:00')).dueAt).toBe('2026-03-07T13:00:00.000Z');
  });

  it('follows New York across the November DST change (Sunday 2026-11-01)', () => {
    expect(cycleInstants('2026-W44', newYork)).toMatchObject({
      dueAt: '2026-10-29T18:00:00.000Z',
      publishAt: '2026-10-29T20:00:00.000Z',
    });
    expect(cycleInstants('2026-W45', newYork)).toMatchObject({
      dueAt: '2026-11-05T19:00:00.000Z',
      publishAt: '2026-11-05T21:00:00.000Z',
    });
    // 01:30 happens twice on 11-01: the earlier (EDT) one; noon is EST.
    expect(cycleInstants('2026-W44', withDue(7, '01:30')).dueAt).toBe('2026-11-01T05:30:00.000Z');
    expect(cycleInstants('2026-W44', withDue(7, '12:00')).dueAt).toBe('2026-11-01T17:00:00.000Z');
  });

  it('places week 53 deadlines in the right calendar year', () => {
    const sundayDue = cycleInstants('2026-W53', withDue(7, '10:00'));
    expect(sundayDue.dueDate).toBe('2027-01-03');
    expect(sundayDue.dueAt).toBe('2027-01-03T15:00:00.000Z');
    expect(sundayDue.publishDate).toBe('2026-12-31');
  });

  it('refuses a bad key or an unknown time zone', () => {
    expect(() => cycleInstants('2026-W54', newYork)).toThrow(RangeError);
    expect(() => cycleInstants('2026-W47', { ...newYork, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
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
