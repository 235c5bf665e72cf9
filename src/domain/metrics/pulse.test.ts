import { describe, expect, it } from 'vitest';
import { agreePct, isSurprise, pulseSummary, quarterKeyStart, surprisedPct } from './pulse.ts';

describe('PM pulse', () => {
  it('shows nothing below the minimum, however clear the answers', () => {
    expect(pulseSummary([5, 5], 3, 70)).toEqual({ answers: 2, shown: null });
    expect(pulseSummary([], 3, 70).shown).toBeNull();
  });
  it('counts 4 and 5 as agree; the target is strictly above', () => {
    expect(agreePct([4, 5, 3])).toBe(66.7);
    expect(agreePct([1, 2, 3])).toBe(0);
    expect(agreePct([4, 4, 5])).toBe(100);
    const seventy = [5, 5, 5, 4, 4, 4, 4, 3, 2, 1];
    expect(pulseSummary(seventy, 3, 70).shown).toEqual({
      agreePct: 70,
      distribution: [1, 1, 1, 4, 3],
      meetsTarget: false,
    });
    expect(pulseSummary([...seventy, 4], 3, 70).shown!.meetsTarget).toBe(true);
  });
  it('finds a quarter key’s first day for any fiscal start', () => {
    expect(quarterKeyStart('2026-Q4')).toBe('2026-10-01');
    expect(quarterKeyStart('2027-Q1', 4)).toBe('2026-04-01');
    expect(quarterKeyStart('2027-Q4', 4)).toBe('2027-01-01');
  });
});

describe('launch awareness', () => {
  it('flags a launch when any answer says not aware, and scores only answered launches', () => {
    expect(isSurprise([{ aware: true }, { aware: false }])).toBe(true);
    expect(isSurprise([])).toBe(false);
    expect(surprisedPct([])).toBeNull();
    expect(
      surprisedPct([
        { answered: 2, surprise: true },
        { answered: 1, surprise: false },
        { answered: 0, surprise: false },
      ]),
    ).toBe(50);
  });
});
