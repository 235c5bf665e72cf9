import { describe, expect, it } from 'vitest';
import { DAY3_QUESTIONS, DAY14_QUESTIONS, postLaunchDates } from './post-launch.ts';

const MON_FRI = [1, 2, 3, 4, 5];

describe('postLaunchDates', () => {
  it('is launch + 3 and + 14 calendar days when those are business days', () => {
    // Monday 2026-03-09 → Thursday 03-12 and Monday 03-23.
    expect(postLaunchDates('2026-03-09', MON_FRI, [])).toEqual({ day3: '2026-03-12', day14: '2026-03-23' });
  });

  it('moves a weekend check-in to the next business day', () => {
    // Thursday 2026-03-12: day 3 is Sunday 03-15 → Monday 03-16; day 14 is Thursday 03-26.
    expect(postLaunchDates('2026-03-12', MON_FRI, [])).toEqual({ day3: '2026-03-16', day14: '2026-03-26' });
    // Saturday 2026-03-14: day 3 Tuesday 03-17; day 14 Saturday 03-28 → Monday 03-30.
    expect(postLaunchDates('2026-03-14', MON_FRI, [])).toEqual({ day3: '2026-03-17', day14: '2026-03-30' });
  });

  it('steps over holidays, including a run of them at year end', () => {
    const holidays = [
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Company shutdown' },
      { date: '2027-01-01', name: "New Year's Day" },
    ];
    // Tuesday 2026-12-22: day 3 Friday 12-25 (holiday) → weekend → 12-28 (holiday) → Tuesday 12-29.
    // Day 14 is Tuesday 2027-01-05.
    expect(postLaunchDates('2026-12-22', MON_FRI, holidays)).toEqual({
      day3: '2026-12-29',
      day14: '2027-01-05',
    });
    // Friday 2026-12-18: day 14 is Friday 2027-01-01 (holiday) → Monday 2027-01-04.
    expect(postLaunchDates('2026-12-18', MON_FRI, holidays).day14).toBe('2027-01-04');
  });

  it('follows a Sunday–Thursday work week', () => {
    // Wednesday 2026-03-11: day 3 Saturday 03-14 → Sunday 03-15.
    expect(postLaunchDates('2026-03-11', [7, 1, 2, 3, 4], []).day3).toBe('2026-03-15');
  });
});

describe('post-launch questions', () => {
  it('asks the pack §6 questions', () => {
    expect(DAY3_QUESTIONS.map((q) => q.key)).toEqual([
      'ticket_spike',
      'unexpected_behaviour',
      'customer_confusion',
    ]);
    expect(DAY14_QUESTIONS.map((q) => q.label)).toEqual([
      'What went well in the launch process?',
      'What surprised us (customers, Support, Sales)?',
      'What should we change in the enablement process?',
    ]);
  });
});
