import { describe, expect, it } from 'vitest';
import { quarterOf } from '../roadmap/quarters.ts';
import { DEFAULT_FRICTIONS, unmappedRituals, unmappedWarning } from './frictions.ts';
import { quarterFromKey, quarterKey } from './quarter-key.ts';

const ritual = (id: string, active = true) => ({ id, name: `Ritual ${id}`, active });

describe('unmappedRituals: every ritual must map to a friction point', () => {
  it('lists the active rituals no active friction names, in their order', () => {
    const rituals = [ritual('a'), ritual('b'), ritual('c'), ritual('d', false)];
    const frictions = [
      { ritualIds: ['a'], retired: false },
      { ritualIds: ['c'], retired: true },
    ];
    expect(unmappedRituals(rituals, frictions).map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('a friction brought back maps its rituals again; no frictions leave every active ritual unmapped', () => {
    const rituals = [ritual('a'), ritual('b')];
    expect(unmappedRituals(rituals, [{ ritualIds: ['a', 'b'], retired: false }])).toEqual([]);
    expect(unmappedRituals(rituals, []).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('the warning names the rituals in words, and there is none when all map', () => {
    expect(unmappedWarning([])).toBeNull();
    expect(unmappedWarning(['Roadmap Review'])).toMatch(/^Roadmap Review maps to no friction/);
    expect(unmappedWarning(['A', 'B'])).toMatch(/^A, B map to no friction/);
  });

  it("the pack's three frictions map all five default rituals", () => {
    const slugs = new Set(DEFAULT_FRICTIONS.flatMap((f) => f.ritualSlugs));
    expect([...slugs].sort()).toEqual([
      'insights-review',
      'launch-readiness-check',
      'quarterly-planning',
      'roadmap-review',
      'weekly-product-update',
    ]);
  });
});

describe('quarter keys', () => {
  it('round-trip with a calendar fiscal year and one starting in July', () => {
    expect(quarterFromKey('2026-Q4')).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarterFromKey('2027-Q1', 7)).toMatchObject({ start: '2026-07-01', end: '2026-09-30' });
    expect(quarterFromKey('2027-Q3', 7)).toMatchObject({ start: '2027-01-01', end: '2027-03-31' });
    for (const date of ['2026-02-14', '2026-08-31', '2026-12-31'])
      for (const start of [1, 2, 7, 12]) {
        const q = quarterOf(date, start);
        expect(quarterFromKey(quarterKey(q), start)).toEqual(q);
      }
  });
});
