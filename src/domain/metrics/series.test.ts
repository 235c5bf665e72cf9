import { describe, expect, it } from 'vitest';
import { baselineOf, countPerWeek, meets, total, weekKeys } from './series.ts';

describe('weekly metric series', () => {
  const weeks = weekKeys('2026-W49', 4);

  it('counts cases per ISO week, weeks without a case having no figure', () => {
    const series = countPerWeek(
      [
        { day: '2026-11-16', hit: true },
        { day: '2026-11-22', hit: false },
        { day: '2026-12-02', hit: true },
        { day: '2026-10-01', hit: true }, // before the weeks shown
      ],
      weeks,
    );
    expect(series.map((w) => [w.week, w.hits, w.cases, w.pct])).toEqual([
      ['2026-W46', 0, 0, null],
      ['2026-W47', 1, 2, 50],
      ['2026-W48', 0, 0, null],
      ['2026-W49', 1, 1, 100],
    ]);
    expect(total(series)).toEqual({ hits: 2, cases: 3, pct: 66.7 });
  });

  it('takes the baseline from the first weeks that had cases', () => {
    const cases = [
      { day: '2026-12-02', hit: true },
      { day: '2025-11-16', hit: false },
      { day: '2026-01-06', hit: true },
    ];
    expect(baselineOf(cases, { n: 1 })).toEqual({ weeks: ['2025-W46'], hits: 0, cases: 1, pct: 0 });
    expect(baselineOf(cases, { n: 2 })).toMatchObject({ weeks: ['2025-W46', '2026-W02'], pct: 50 });
    expect(baselineOf([])).toBeNull();
  });

  it('takes the baseline from the weeks from a date Product Ops picked, cases or not', () => {
    const cases = [
      { day: '2025-11-16', hit: false }, // 2025-W46: before the date, left out
      { day: '2026-01-06', hit: true }, // 2026-W02
      { day: '2026-01-20', hit: false }, // 2026-W04
      { day: '2026-02-02', hit: true }, // 2026-W06: after the four weeks
    ];
    // 2026-01-01 is a Thursday of 2026-W01.
    expect(baselineOf(cases, { from: '2026-01-01' })).toEqual({
      weeks: ['2026-W01', '2026-W02', '2026-W03', '2026-W04'],
      hits: 1,
      cases: 2,
      pct: 50,
    });
    expect(baselineOf(cases, { from: '2026-03-02', n: 2 })).toEqual({
      weeks: ['2026-W10', '2026-W11'],
      hits: 0,
      cases: 0,
      pct: null,
    });
  });

  it('meets a target as the pack words it, exactly at the edge', () => {
    expect(meets(10, 10, 'below')).toBe(false);
    expect(meets(9.9, 10, 'below')).toBe(true);
    expect(meets(100, 100, 'at least')).toBe(true);
    expect(meets(70, 70, 'above')).toBe(false);
    expect(meets(50, 50, 'at most')).toBe(true);
    expect(meets(null, 10, 'below')).toBeNull();
  });
});
