import { describe, expect, it } from 'vitest';
import { type CoverageRelease, enablementCoverage } from './coverage.ts';

const rel = (
  tier: CoverageRelease['tier'],
  launchDate: string,
  publishedOn: string | null,
): CoverageRelease => ({
  tier,
  launchDate,
  publishedOn,
});

describe('enablementCoverage totals', () => {
  it('counts only Tier 2/3 releases launching within [from, to], bounds included', () => {
    const releases = [
      rel(2, '2026-11-01', '2026-10-28'),
      rel(3, '2026-11-30', '2026-11-20'),
      rel(1, '2026-11-10', null),
      rel(null, '2026-11-10', null),
      rel(3, '2026-10-31', null),
      rel(3, '2026-12-01', null),
    ];
    const c = enablementCoverage(releases, { from: '2026-11-01', to: '2026-11-30', bucket: 'month' });
    expect([c.covered, c.total, c.pct]).toEqual([2, 2, 100]);
  });

  it('covers a release only when the bundle was published before launch day', () => {
    const releases = [
      rel(2, '2026-11-10', '2026-11-09'),
      rel(2, '2026-11-10', '2026-11-10'),
      rel(3, '2026-11-10', '2026-11-12'),
      rel(3, '2026-11-10', null),
    ];
    const c = enablementCoverage(releases, { from: '2026-11-01', to: '2026-11-30', bucket: 'month' });
    expect([c.covered, c.total, c.pct]).toEqual([1, 4, 25]);
  });

  it('rounds to one decimal and is null with nothing to count', () => {
    const twoOfThree = [
      rel(2, '2026-11-02', '2026-11-01'),
      rel(2, '2026-11-03', '2026-11-01'),
      rel(3, '2026-11-04', null),
    ];
    expect(
      enablementCoverage(twoOfThree, { from: '2026-11-01', to: '2026-11-30', bucket: 'month' }).pct,
    ).toBe(66.7);
    const none = enablementCoverage([rel(1, '2026-11-02', null)], {
      from: '2026-11-01',
      to: '2026-11-30',
      bucket: 'month',
    });
    expect(none).toEqual({
      covered: 0,
      total: 0,
      pct: null,
      trend: [{ period: '2026-11', covered: 0, total: 0, pct: null }],
    });
  });

  it('refuses from after to', () => {
    expect(() => enablementCoverage([], { from: '2026-12-01', to: '2026-11-30', bucket: 'week' })).toThrow(
      RangeError,
    );
  });
});

describe('enablementCoverage trend', () => {
  it('has one point per month, empty months included', () => {
    const releases = [
      rel(2, '2026-10-20', '2026-10-19'),
      rel(3, '2027-01-05', null),
      rel(3, '2027-01-06', '2027-01-01'),
    ];
    const c = enablementCoverage(releases, { from: '2026-10-15', to: '2027-01-10', bucket: 'month' });
    expect(c.trend).toEqual([
      { period: '2026-10', covered: 1, total: 1, pct: 100 },
      { period: '2026-11', covered: 0, total: 0, pct: null },
      { period: '2026-12', covered: 0, total: 0, pct: null },
      { period: '2027-01', covered: 1, total: 2, pct: 50 },
    ]);
    expect([c.covered, c.total, c.pct]).toEqual([2, 3, 66.7]);
  });

  it('uses ISO weeks across a year end, including 2026-W53', () => {
    const releases = [
      rel(2, '2026-12-22', '2026-12-21'), // W52
      rel(3, '2027-01-02', '2026-12-30'), // Saturday: still 2026-W53
      rel(3, '2026-12-28', null), // Monday of W53
      rel(2, '2027-01-11', '2027-01-04'), // W02
    ];
    const c = enablementCoverage(releases, { from: '2026-12-23', to: '2027-01-12', bucket: 'week' });
    expect(c.trend).toEqual([
      { period: '2026-W52', covered: 0, total: 0, pct: null }, // 12-22 is before from
      { period: '2026-W53', covered: 1, total: 2, pct: 50 },
      { period: '2027-W01', covered: 0, total: 0, pct: null },
      { period: '2027-W02', covered: 1, total: 1, pct: 100 },
    ]);
  });

  it('labels late-December days with the next ISO year when the week belongs to it', () => {
    const c = enablementCoverage([rel(2, '2024-12-30', '2024-12-01')], {
      from: '2024-12-28',
      to: '2025-01-06',
      bucket: 'week',
    });
    expect(c.trend.map((p) => [p.period, p.total])).toEqual([
      ['2024-W52', 0],
      ['2025-W01', 1],
      ['2025-W02', 0],
    ]);
  });

  it('has a single point when from and to fall in the same week', () => {
    const c = enablementCoverage([], { from: '2026-11-18', to: '2026-11-19', bucket: 'week' });
    expect(c.trend).toEqual([{ period: '2026-W47', covered: 0, total: 0, pct: null }]);
  });
});
