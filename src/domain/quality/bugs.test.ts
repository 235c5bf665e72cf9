import { describe, expect, it } from 'vitest';
import { awaitsDecision, type BugFacts, backlogOf, bugAge, isOverLimit } from './bugs.ts';

const bug = (openedOn: string, over: Partial<BugFacts> = {}): BugFacts => ({
  state: 'open',
  openedOn,
  closedOn: null,
  disposition: null,
  ...over,
});

describe('a bug against the limit (bugMaxOpenDays)', () => {
  it('is within it at exactly N days and over it at N + 1, across a month end', () => {
    expect(bugAge(bug('2026-11-24'), '2026-12-01')).toBe(7);
    expect(isOverLimit(bug('2026-11-24'), '2026-12-01', 7)).toBe(false);
    expect(isOverLimit(bug('2026-11-23'), '2026-12-01', 7)).toBe(true);
    // A limit of 0: a bug waits for a decision from its second day.
    expect(isOverLimit(bug('2026-12-01'), '2026-12-01', 0)).toBe(false);
    expect(isOverLimit(bug('2026-11-30'), '2026-12-01', 0)).toBe(true);
  });

  it('stops ageing when it closes, and waits for a decision only while open and undecided', () => {
    const closed = bug('2026-11-01', { state: 'closed', closedOn: '2026-11-05' });
    expect(bugAge(closed, '2026-12-01')).toBe(4);
    expect(isOverLimit(closed, '2026-12-01', 2)).toBe(false);
    expect(awaitsDecision(bug('2026-11-01', { disposition: 'fix_now' }), '2026-12-01', 7)).toBe(false);
    expect(awaitsDecision(bug('2026-11-01'), '2026-12-01', 7)).toBe(true);
  });

  it('sums an area’s backlog: open, oldest, over the limit, undecided, being fixed', () => {
    const today = '2026-12-01';
    expect(
      backlogOf(
        [
          bug('2026-11-20'),
          bug('2026-11-10', { disposition: 'fix_now' }),
          bug('2026-11-29'),
          bug('2026-10-01', { state: 'closed', closedOn: '2026-10-02', disposition: 'wont_fix' }),
        ],
        today,
        7,
      ),
    ).toEqual({ open: 3, oldestAgeDays: 21, overLimit: 2, awaitingDecision: 1, fixNow: 1 });
    expect(backlogOf([], today, 7)).toEqual({
      open: 0,
      oldestAgeDays: null,
      overLimit: 0,
      awaitingDecision: 0,
      fixNow: 0,
    });
  });
});
