import { describe, expect, it } from 'vitest';
import { describeSchedule } from './schedule-text.ts';

describe('describeSchedule', () => {
  it('describes a weekly schedule', () => {
    expect(describeSchedule({ kind: 'weekly', weekday: 4, time: '16:00' }, 'America/New_York')).toBe(
      'Every Thursday at 16:00 (America/New_York)',
    );
    expect(describeSchedule({ kind: 'weekly', weekday: 7, time: '09:30' }, 'UTC')).toBe(
      'Every Sunday at 09:30 (UTC)',
    );
  });

  it('describes a biweekly schedule with its anchor week', () => {
    expect(
      describeSchedule({ kind: 'biweekly', weekday: 2, time: '10:00', anchor: '2026-01-06' }, 'Europe/Paris'),
    ).toBe('Every other Tuesday at 10:00 (Europe/Paris) from the week of 2026-01-06');
  });

  it('describes monthly schedules, first and last', () => {
    expect(describeSchedule({ kind: 'monthly', weekday: 3, nth: 1, time: '11:00' }, 'UTC')).toBe(
      'The first Wednesday of every month at 11:00 (UTC)',
    );
    expect(describeSchedule({ kind: 'monthly', weekday: 1, nth: 4, time: '11:00' }, 'UTC')).toBe(
      'The fourth Monday of every month at 11:00 (UTC)',
    );
    expect(describeSchedule({ kind: 'monthly', weekday: 5, nth: -1, time: '11:00' }, 'UTC')).toBe(
      'The last Friday of every month at 11:00 (UTC)',
    );
  });

  it('describes quarterly schedules', () => {
    expect(
      describeSchedule(
        { kind: 'quarterly', monthOfQuarter: 1, weekday: 5, nth: -1, time: '13:00' },
        'Asia/Tokyo',
      ),
    ).toBe('The last Friday of the first month of every quarter at 13:00 (Asia/Tokyo)');
    expect(
      describeSchedule({ kind: 'quarterly', monthOfQuarter: 3, weekday: 2, nth: 2, time: '09:00' }, 'UTC'),
    ).toBe('The second Tuesday of the third month of every quarter at 09:00 (UTC)');
  });

  it('describes per-release rituals without a time zone', () => {
    expect(describeSchedule({ kind: 'per_release' }, 'UTC')).toBe('Per release');
  });
});
