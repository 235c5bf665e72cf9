import { describe, expect, it } from 'vitest';
import { type CheckRecord, judgeCheck, manualState } from './checks.ts';

const rec = (counted: boolean, extra: Partial<CheckRecord> = {}): CheckRecord => ({
  label: 'x',
  href: null,
  date: '2026-10-08',
  counted,
  detail: '',
  ...extra,
});
const running = { from: '2026-10-01', to: '2026-10-30', today: '2026-10-20' };
const over = { ...running, today: '2026-10-31' };

describe('judgeCheck', () => {
  it('weekly update: every week on time and at least four; the figure counts up to four', () => {
    expect(judgeCheck('weekly_update_on_time', [rec(true), rec(true)], running)).toEqual({
      state: 'not_yet',
      figure: '2 of 4 weeks on time',
    });
    expect(
      judgeCheck('weekly_update_on_time', [rec(true), rec(true), rec(true), rec(true)], running).state,
    ).toBe('done');
    expect(judgeCheck('weekly_update_on_time', [rec(true), rec(false), rec(true), rec(true)], over)).toEqual({
      state: 'missed',
      figure: '3 of 4 weeks on time',
    });
    expect(
      judgeCheck('weekly_update_on_time', [rec(true), rec(true), rec(true), rec(true), rec(false)], over),
    ).toEqual({ state: 'missed', figure: '4 of 5 weeks on time' });
  });

  it('attendance must be strictly above 80%, over everyone expected', () => {
    const at = (present: number, expected: number) => rec(true, { present, expected });
    expect(judgeCheck('roadmap_review_attendance', [at(4, 5)], running)).toEqual({
      state: 'not_yet',
      figure: '80% present (4 of 5 across 1 review)',
    });
    expect(judgeCheck('roadmap_review_attendance', [at(4, 5), at(5, 5)], running)).toEqual({
      state: 'done',
      figure: '90% present (9 of 10 across 2 reviews)',
    });
    expect(judgeCheck('roadmap_review_attendance', [], over)).toEqual({
      state: 'missed',
      figure: 'No Roadmap Review attendance recorded yet',
    });
  });

  it('"every" checks need at least one record, all counted', () => {
    expect(judgeCheck('enablement_all_tier23', [], running).figure).toBe(
      'No Tier 2/3 launch in the timebox yet',
    );
    expect(judgeCheck('enablement_all_tier23', [rec(true), rec(false)], over)).toEqual({
      state: 'missed',
      figure: '1 of 2 Tier 2/3 launches with the bundle published before launch',
    });
    expect(judgeCheck('post_launch_capture', [rec(true)], running)).toEqual({
      state: 'done',
      figure: '1 of 1 post-launch check-ins completed',
    });
  });

  it('a manual deliverable is done when ticked, missed once its timebox is over unticked', () => {
    expect(manualState(true, over)).toBe('done');
    expect(manualState(false, running)).toBe('not_yet');
    expect(manualState(false, over)).toBe('missed');
  });
});
