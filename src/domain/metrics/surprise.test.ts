import { describe, expect, it } from 'vitest';
import { type LaunchToTell, launchSurprise, surprisePct, type Telling } from './surprise.ts';

const LAUNCH: LaunchToTell = {
  releaseId: 'r1',
  title: 'Usage-based billing',
  tier: 2,
  launchedOn: '2026-12-10',
  tellBy: '2026-12-03',
};

const told = (
  fn: Telling['fn'],
  deliveredOn: string,
  acknowledgedOn: string | null = deliveredOn,
): Telling => ({
  fn,
  personId: `${fn}-1`,
  name: `${fn} person`,
  deliveredOn,
  acknowledgedOn,
});

const verdicts = (tellings: Telling[]) =>
  Object.fromEntries(launchSurprise(LAUNCH, tellings).functions.map((f) => [f.fn, f.verdict]));

describe('the computed surprise score', () => {
  it('is no surprise when every function was told by the distribute-by date and acknowledged by launch', () => {
    const s = launchSurprise(LAUNCH, [
      told('sales', '2026-12-03'),
      told('cs', '2026-12-01', '2026-12-09'),
      told('support', '2026-12-02', '2026-12-10'),
    ]);
    expect(s.surprise).toBe(false);
    expect(s.functions.map((f) => f.verdict)).toEqual(['told in time', 'told in time', 'told in time']);
  });

  it('counts Support told one day after the distribute-by date as a surprise for Support', () => {
    const v = verdicts([
      told('sales', '2026-12-03'),
      told('cs', '2026-12-03'),
      told('support', '2026-12-04'),
    ]);
    expect(v).toEqual({ sales: 'told in time', cs: 'told in time', support: 'told late' });
  });

  it('needs an acknowledgement by launch day: read after launch, or never, is a surprise', () => {
    const v = verdicts([
      told('sales', '2026-12-01', '2026-12-11'),
      told('cs', '2026-12-01', null),
      told('support', '2026-12-01'),
    ]);
    expect(v).toEqual({ sales: 'not acknowledged', cs: 'not acknowledged', support: 'told in time' });
  });

  it('takes any one person of a function as the function told, and ignores deliveries after launch', () => {
    const v = verdicts([
      told('sales', '2026-12-05'),
      { ...told('sales', '2026-12-02'), personId: 'sales-2' },
      told('cs', '2026-12-12'),
    ]);
    expect(v).toEqual({ sales: 'told in time', cs: 'not told', support: 'not told' });
  });

  it('judges only the functions the org has people in', () => {
    const s = launchSurprise(LAUNCH, [told('sales', '2026-12-01')], ['sales']);
    expect(s.functions.map((f) => f.fn)).toEqual(['sales']);
    expect(s.surprise).toBe(false);
  });

  it('is the share of launches that surprised any function', () => {
    expect(surprisePct([{ surprise: true }, { surprise: false }, { surprise: false }])).toBe(33.3);
    expect(surprisePct([])).toBeNull();
  });
});
