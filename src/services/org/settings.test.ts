import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { withDefaults } from './settings.ts';

describe('stored settings from an older version', () => {
  it('get new nested fields from the defaults and keep everything stored', () => {
    const { weeklyUpdateReminderMinutes: _, ...oldDeadlines } = DEFAULT_SETTINGS.deadlines;
    const stored = {
      ...DEFAULT_SETTINGS,
      timeZone: 'Europe/Paris',
      holidays: [{ date: '2026-12-25', name: 'Noël' }],
      deadlines: { ...oldDeadlines, weeklyUpdateDue: { weekday: 3, time: '12:00' } },
    };
    const merged = withDefaults(DEFAULT_SETTINGS, stored) as typeof DEFAULT_SETTINGS;
    expect(merged.deadlines.weeklyUpdateReminderMinutes).toEqual([1440, 120]);
    expect(merged.deadlines.weeklyUpdateDue).toEqual({ weekday: 3, time: '12:00' });
    expect(merged.timeZone).toBe('Europe/Paris');
    expect(merged.holidays).toEqual([{ date: '2026-12-25', name: 'Noël' }]);
  });
});
