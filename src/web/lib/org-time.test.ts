import { describe, expect, it } from 'vitest';
import { formatInstant, formatLocalDate, fromLocalInput, toLocalInput } from './org-time.ts';

const NY = 'America/New_York';

describe('org time in the browser', () => {
  it("shows an instant one way, in the org's zone, labelled with the zone", () => {
    expect(formatInstant('2026-11-19T21:00:00.000Z', NY)).toBe('Thu 19 Nov 2026, 16:00 (America/New_York)');
    expect(formatInstant('2026-11-19T21:00:00.000Z', 'Asia/Kolkata')).toBe(
      'Fri 20 Nov 2026, 02:30 (Asia/Kolkata)',
    );
    expect(formatInstant('not a time', NY)).toBe('not a time');
  });

  it('reads a datetime-local value as org-local time, both ways', () => {
    expect(fromLocalInput('2026-11-19T16:00', NY)).toBe('2026-11-19T21:00:00.000Z');
    expect(fromLocalInput('2026-07-01T09:15', NY)).toBe('2026-07-01T13:15:00.000Z');
    expect(fromLocalInput('2026-07-01T09:15', 'Asia/Kolkata')).toBe('2026-07-01T03:45:00.000Z');
    expect(toLocalInput('2026-11-19T21:00:00.000Z', NY)).toBe('2026-11-19T16:00');
    expect(toLocalInput(null, NY)).toBe('');
  });

  it('handles the DST gap and the repeated hour', () => {
    // 02:30 does not exist on 8 March 2026 in New York: it lands after the gap.
    expect(toLocalInput(fromLocalInput('2026-03-08T02:30', NY), NY)).toBe('2026-03-08T03:30');
    // 01:30 happens twice on 1 November 2026: the first one (EDT) is taken.
    expect(fromLocalInput('2026-11-01T01:30', NY)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('refuses what is not a date-time', () => {
    expect(fromLocalInput('', NY)).toBeNull();
    expect(fromLocalInput('19/11/2026 16:00', NY)).toBeNull();
    expect(fromLocalInput('2026-02-30T16:00', NY)).toBeNull();
  });

  it('formats local dates (the calendar math is shared/calendar.ts)', () => {
    expect(formatLocalDate('2026-11-19')).toBe('Thu 19 Nov');
    expect(formatLocalDate('2026-11-24', true)).toBe('Tue 24 Nov 2026');
  });
});
