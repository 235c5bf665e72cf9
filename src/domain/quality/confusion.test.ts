import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar.ts';
import { areaConfusion, type ConfusionRule, type DailyTickets } from './confusion.ts';

const RULE: ConfusionRule = { thresholdPct: 20, windowDays: 28, minTickets: 5, polishMinDays: 14 };
const TODAY = '2026-12-21';

/** `tickets` support tickets on `day`, `confused` of them confused customers. */
const on = (day: string, tickets: number, confused: number): DailyTickets => ({ day, tickets, confused });

describe('the confused-customer figure', () => {
  it('is the share of support tickets in the trailing window that are confusion', () => {
    const daily = [on(TODAY, 6, 3), on(addDays(TODAY, -27), 4, 0), on(addDays(TODAY, -28), 50, 50)];
    const c = areaConfusion(daily, TODAY, RULE).current;
    // The day 28 days back is outside a 28-day window that ends today.
    expect(c).toMatchObject({ from: '2026-11-24', tickets: 10, confused: 3, pct: 30, above: true });
  });

  it('is not above exactly at the threshold (1 of 5 at 20%)', () => {
    const c = areaConfusion([on(TODAY, 5, 1)], TODAY, RULE);
    expect(c.current).toMatchObject({ pct: 20, enough: true, above: false });
    expect(c.polishMode).toBeNull();
    const over = areaConfusion([on(TODAY, 99, 20)], TODAY, RULE).current;
    expect(over).toMatchObject({ pct: 20.2, above: true });
  });

  it('does not judge too few tickets: 2 of 2 confused is no Polish Mode under a minimum of 5', () => {
    const c = areaConfusion([on(TODAY, 2, 2)], TODAY, RULE);
    expect(c.current).toMatchObject({ pct: 100, enough: false, above: false });
    expect(c.polishMode).toBeNull();
  });

  it('has no figure without tickets', () => {
    expect(areaConfusion([], TODAY, RULE).current).toMatchObject({ tickets: 0, pct: null, above: false });
  });

  it('gives a weekly trend ending today, oldest first', () => {
    const t = areaConfusion([on(TODAY, 5, 5)], TODAY, RULE, 4).trend;
    expect(t.map((f) => f.day)).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', TODAY]);
    expect(t.map((f) => f.tickets)).toEqual([0, 0, 0, 5]);
  });
});

describe('Polish Mode', () => {
  // Confused tickets on one day, then only clear ones: the 28-day window keeps them until they age out.
  const spike = '2026-11-01';
  const daily = [on(spike, 10, 10), on('2026-11-20', 40, 0)];

  it('starts on the first day above the threshold and lasts while the figure is above', () => {
    const c = areaConfusion(daily, '2026-11-15', RULE);
    expect(c.polishMode).toMatchObject({ since: spike });
    expect(c.polishMode!.lastAbove.day).toBe('2026-11-15');
  });

  it('lasts until the figure has been under the threshold for the minimum days, then ends', () => {
    // From 11-20 the window holds 10 of 50 (20%): at the threshold, not above. 11-19 was the last day above.
    const under = areaConfusion(daily, '2026-11-20', RULE);
    expect(under.current.above).toBe(false);
    expect(under.polishMode).toMatchObject({ lastAbove: { day: '2026-11-19' }, leavesOn: '2026-12-03' });
    expect(areaConfusion(daily, '2026-12-02', RULE).polishMode).not.toBeNull();
    expect(areaConfusion(daily, '2026-12-03', RULE).polishMode).toBeNull();
  });

  it('with no minimum days, ends the day the figure is no longer above', () => {
    const rule = { ...RULE, polishMinDays: 0 };
    expect(areaConfusion(daily, '2026-11-19', rule).polishMode).not.toBeNull();
    expect(areaConfusion(daily, '2026-11-20', rule).polishMode).toBeNull();
  });
});
