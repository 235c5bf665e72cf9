import { describe, expect, it } from 'vitest';
import type { ReleaseForHighlights } from './highlights.ts';
import { crossCuttingRisks, isLaunching, launchHighlights } from './highlights.ts';

let seq = 0;
function release(targetDate: string, over: Partial<ReleaseForHighlights> = {}): ReleaseForHighlights {
  seq += 1;
  return {
    id: `r${seq}`,
    title: `Launch ${targetDate}`,
    areaName: 'Billing',
    tier: 2,
    targetDate,
    status: 'planned',
    ...over,
  };
}
const titles = (rs: readonly ReleaseForHighlights[]) => rs.map((r) => r.title);

// Publication Thursday 2026-11-19; its ISO week is Mon 11-16 … Sun 11-22.
const THURSDAY = '2026-11-19';

describe('launchHighlights', () => {
  it('a launch on the publication day, or any day of its ISO week, is "this week"', () => {
    const rs = [release('2026-11-16'), release('2026-11-19'), release('2026-11-22'), release('2026-11-15')];
    const h = launchHighlights(rs, THURSDAY);
    expect(titles(h.keyLaunches)).toEqual(['Launch 2026-11-16', 'Launch 2026-11-19', 'Launch 2026-11-22']);
    // The Sunday of the same week is this week's, not also upcoming; last Sunday is neither.
    expect(h.upcoming).toEqual([]);
  });

  it('upcoming is the day after publication up to exactly 14 days out; 15 days is not listed', () => {
    const rs = [release('2026-11-23'), release('2026-12-03'), release('2026-12-04')];
    const h = launchHighlights(rs, THURSDAY);
    expect(titles(h.upcoming)).toEqual(['Launch 2026-11-23', 'Launch 2026-12-03']);
    expect(h.keyLaunches).toEqual([]);
  });

  it('measures the window from the publication date, so an early publication has an earlier window', () => {
    const rs = [release('2026-11-19'), release('2026-11-30'), release('2026-12-01')];
    const monday = launchHighlights(rs, '2026-11-16');
    expect(titles(monday.keyLaunches)).toEqual(['Launch 2026-11-19']);
    expect(titles(monday.upcoming)).toEqual(['Launch 2026-11-30']);
  });

  it('crosses the year through ISO week 53', () => {
    const rs = [release('2027-01-03'), release('2027-01-04'), release('2027-01-14'), release('2027-01-15')];
    const h = launchHighlights(rs, '2026-12-31');
    expect(titles(h.keyLaunches)).toEqual(['Launch 2027-01-03']);
    expect(titles(h.upcoming)).toEqual(['Launch 2027-01-04', 'Launch 2027-01-14']);
  });

  it('leaves out rolled back and cancelled releases, however the status is spelled', () => {
    const rs = [
      'rolled_back',
      'Rolled back',
      'rolled-back',
      'cancelled',
      'CANCELED',
      'launched',
      'planned',
    ].map((status) => release('2026-11-19', { status, title: status }));
    expect(titles(launchHighlights(rs, THURSDAY).keyLaunches)).toEqual(['launched', 'planned']);
    expect(isLaunching('in_progress')).toBe(true);
  });

  it('never announces a held launch: it is listed as on hold instead, in the week or the next two', () => {
    const rs = [
      release('2026-11-19', { status: 'hold', title: 'Held this week' }),
      release('2026-11-30', { status: 'hold', title: 'Held upcoming' }),
      release('2026-12-20', { status: 'hold', title: 'Held later' }),
      release('2026-11-20', { status: 'delay', title: 'Delayed to Friday' }),
      release('2026-11-24', { status: 'go', title: 'Go' }),
    ];
    const h = launchHighlights(rs, THURSDAY);
    expect(titles(h.keyLaunches)).toEqual(['Delayed to Friday']);
    expect(titles(h.upcoming)).toEqual(['Go']);
    expect(titles(h.held)).toEqual(['Held this week', 'Held upcoming']);
    expect(isLaunching('hold')).toBe(false);
  });

  it('sorts by date, then higher tier first, then title', () => {
    const rs = [
      release('2026-11-20', { title: 'B', tier: 1 }),
      release('2026-11-20', { title: 'C', tier: 3 }),
      release('2026-11-20', { title: 'A', tier: 1 }),
      release('2026-11-17', { title: 'Z', tier: 1 }),
    ];
    expect(titles(launchHighlights(rs, THURSDAY).keyLaunches)).toEqual(['Z', 'C', 'A', 'B']);
  });

  it('returns the caller’s records unchanged (extra fields kept)', () => {
    const r = { ...release('2026-11-25'), slug: 'invoice-pdfs' };
    expect(launchHighlights([r], THURSDAY).upcoming[0]?.slug).toBe('invoice-pdfs');
  });

  it('refuses an impossible date', () => {
    expect(() => launchHighlights([release('2026-02-30')], THURSDAY)).toThrow(RangeError);
  });
});

describe('crossCuttingRisks', () => {
  it('lifts every flagged risk with its area, PM and position, skipping missing updates', () => {
    const risks = crossCuttingRisks([
      { areaName: 'Billing', pmName: 'Ana', update: { risks: ['Tax API contract', 'Need Legal'] } },
      { areaName: 'Search', pmName: 'Bo', update: null },
      { areaName: 'Growth', pmName: 'Cy', update: { risks: [] } },
      { areaName: 'Mobile', pmName: 'Di', update: { risks: ['iOS review'] } },
    ]);
    expect(risks).toEqual([
      { areaName: 'Billing', pmName: 'Ana', text: 'Tax API contract', index: 0 },
      { areaName: 'Billing', pmName: 'Ana', text: 'Need Legal', index: 1 },
      { areaName: 'Mobile', pmName: 'Di', text: 'iOS review', index: 0 },
    ]);
  });
});
