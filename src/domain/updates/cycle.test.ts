import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { plannedOccurrences } from '../cadence/occurrences.ts';
import { cycleInstants } from './cycle.ts';

const newYork = { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' };
/** Every day a work day: these cases are about DST, not about the business calendar. */
const withDue = (weekday: number, time: string) => ({
  ...newYork,
  workWeek: [1, 2, 3, 4, 5, 6, 7],
  deadlines: { ...DEFAULT_SETTINGS.deadlines, weeklyUpdateDue: { weekday, time } },
});
const thanksgiving = { ...newYork, holidays: [{ date: '2026-11-26', name: 'Thanksgiving' }] };

describe('cycleInstants', () => {
  it('defaults to Thursday 14:00 due and 16:00 publication, org time', () => {
    expect(cycleInstants('2026-W47', DEFAULT_SETTINGS)).toEqual({
      dueAt: '2026-11-19T14:00:00.000Z',
      publishAt: '2026-11-19T16:00:00.000Z',
      dueDate: '2026-11-19',
      publishDate: '2026-11-19',
      holiday: null,
      skipped: false,
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

  it('moves off a holiday the way the ritual occurrence does (Thanksgiving Thursday 2026-11-26)', () => {
    const ritual = plannedOccurrences({
      schedule: { kind: 'weekly', weekday: 4, time: '16:00' },
      durationMinutes: 30,
      timeZone: 'America/New_York',
      from: '2026-11-23',
      to: '2026-11-29',
      holidays: thanksgiving.holidays,
      workWeek: thanksgiving.workWeek,
      holidayPolicy: 'previous_business_day',
    });
    expect(ritual[0]?.localDate).toBe('2026-11-25');
    expect(cycleInstants('2026-W48', thanksgiving)).toEqual({
      dueAt: '2026-11-25T19:00:00.000Z',
      publishAt: '2026-11-25T21:00:00.000Z',
      dueDate: '2026-11-25',
      publishDate: '2026-11-25',
      holiday: 'Thanksgiving',
      skipped: false,
    });
    expect(cycleInstants('2026-W48', thanksgiving, 'next_business_day')).toMatchObject({
      dueDate: '2026-11-27',
      publishDate: '2026-11-27',
    });
    expect(cycleInstants('2026-W48', thanksgiving, 'keep')).toMatchObject({ publishDate: '2026-11-26' });
    expect(cycleInstants('2026-W48', thanksgiving, 'skip')).toMatchObject({
      publishDate: '2026-11-26',
      skipped: true,
    });
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
