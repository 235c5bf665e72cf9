import { describe, expect, it } from 'vitest';
import { tradeOffMenu } from './menu.ts';
import { launchesPerWeek, leadTime, weeklyRate } from './throughput.ts';

const TODAY = '2026-12-07';
const item = (id: string, sizeWeeks: number | null) => ({ id, title: `Item ${id}`, sizeWeeks });

describe('the trade-off menu', () => {
  it('offers the items that land within the horizon one at a time, or twice as many at once, later', () => {
    // 3 engineers, 13 weeks = 39 engineer-weeks; sizes 6 each: focus lands every 2 weeks.
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'].map((id) =>
      item(id, 6),
    );
    const menu = tradeOffMenu({ items, engineers: 3, horizonWeeks: 13, today: TODAY });
    expect(menu.capacityWeeks).toBe(39);
    // Cumulative 6, 12, …, 36 engineer-weeks ≤ 39: six items, the sixth at week 12.
    expect(menu.focus.items.map((i) => i.weeks)).toEqual([2, 4, 6, 8, 10, 12]);
    expect(menu.focus.items[0]!.landsOn).toBe('2026-12-21');
    expect(menu.focus.lastLandsOn).toBe('2027-03-01');
    // Twelve at once with equal shares: every one lands when all 72 engineer-weeks are done, week 24.
    expect(menu.spread.items).toHaveLength(12);
    expect(new Set(menu.spread.items.map((i) => i.weeks))).toEqual(new Set([24]));
    expect(menu.spread.lastLandsOn).toBe('2027-05-24');
  });

  it('lands the smaller items first when spread, and lists unsized items apart', () => {
    const items = [item('big', 8), item('x', null), item('small', 2)];
    const menu = tradeOffMenu({ items, engineers: 2, horizonWeeks: 4, today: TODAY });
    // Focus: big alone lands at week 4 (8 / 2); big + small would be week 5, past the horizon.
    expect(menu.focus.items.map((i) => [i.id, i.weeks])).toEqual([['big', 4]]);
    // Spread over both: small lands once 2 + 2 are done (week 2), big once 8 + 2 are (week 5).
    expect(menu.spread.items.map((i) => [i.id, i.weeks])).toEqual([
      ['big', 5],
      ['small', 2],
    ]);
    expect(menu.unsized).toEqual([{ id: 'x', title: 'Item x' }]);
  });

  it('still prices the first item when even it overruns the horizon, and plans nothing without engineers', () => {
    const over = tradeOffMenu({ items: [item('a', 30)], engineers: 1, horizonWeeks: 13, today: TODAY });
    expect(over.focus.items.map((i) => i.weeks)).toEqual([30]);
    expect(over.spread.items).toEqual([]);
    const none = tradeOffMenu({ items: [item('a', 3)], engineers: 0, horizonWeeks: 13, today: TODAY });
    expect(none.focus.items).toEqual([]);
    expect(none.capacityWeeks).toBe(0);
  });
});

describe('launches per week and lead time', () => {
  const launches = [
    { releaseId: 'r1', title: 'One', launchedOn: '2026-11-16' },
    { releaseId: 'r2', title: 'Two', launchedOn: '2026-11-22' },
    { releaseId: 'r3', title: 'Three', launchedOn: '2026-12-02' },
  ];

  it('counts launches per ISO week, quiet weeks as none', () => {
    const weeks = launchesPerWeek(launches, '2026-W49', 4);
    expect(weeks.map((w) => [w.week, w.launches.length])).toEqual([
      ['2026-W46', 0],
      ['2026-W47', 2],
      ['2026-W48', 0],
      ['2026-W49', 1],
    ]);
    expect(weeks[1]!.monday).toBe('2026-11-16');
    expect(weeklyRate(weeks)).toBe(0.8);
  });

  it('measures from the sign-off to the first launch on or after it', () => {
    expect(leadTime('2026-11-17', launches, TODAY)).toMatchObject({
      days: 5,
      firstLaunch: { releaseId: 'r2' },
    });
    expect(leadTime('2026-11-22', launches, TODAY)!.days).toBe(0);
    // Nothing shipped since: the clock is still running.
    expect(leadTime('2026-12-03', launches, TODAY)).toMatchObject({ firstLaunch: null, days: 4 });
    expect(leadTime(null, launches, TODAY)).toBeNull();
  });
});
