import { describe, expect, it } from 'vitest';
import type { TStatusRequestWeeks } from '../../shared/status.ts';
import { importText, topAreasText, trendText, weekRangeText } from './status-requests.ts';

const week = (w: string, pings: number) => ({ week: w, pings, avoided: 0, byChannel: [], byArea: [] });
const reply = (over: Partial<TStatusRequestWeeks>): TStatusRequestWeeks => ({
  timeZone: 'America/Los_Angeles',
  weeks: [],
  baseline: null,
  latest: null,
  change: null,
  ...over,
});

describe('the status-request count in words', () => {
  it('says the baseline, the latest week and the change', () => {
    const r = reply({
      weeks: ['2026-W10', '2026-W11', '2026-W12', '2026-W13']
        .map((w) => week(w, 3))
        .concat(week('2026-W14', 1)),
      baseline: { weeks: ['2026-W10', '2026-W11', '2026-W12', '2026-W13'], perWeek: 3 },
      latest: { week: '2026-W14', pings: 1 },
      change: -2 / 3,
    });
    expect(trendText(r)).toBe('3.0 a week in the baseline weeks 2026-W10 to W13; 1 in 2026-W14, 67% fewer.');
    expect(trendText({ ...r, latest: { week: '2026-W14', pings: 6 }, change: 1 })).toMatch(
      /6 in 2026-W14, 100% more\.$/,
    );
    expect(trendText({ ...r, latest: { week: '2026-W14', pings: 3 }, change: 0 })).toMatch(
      /3 in 2026-W14, as many\.$/,
    );
  });

  it('says so while every week is a baseline week, and nothing without pings', () => {
    const r = reply({
      baseline: { weeks: ['2026-W10', '2026-W11'], perWeek: 2 },
      latest: { week: '2026-W11', pings: 1 },
      change: -0.5,
    });
    expect(trendText(r)).toBe(
      '2.0 a week in the baseline weeks 2026-W10 to W11. Every week so far is a baseline week: the change shows once later weeks are imported.',
    );
    expect(trendText(reply({}))).toBeNull();
  });

  it('names week ranges across a year, areas and an import', () => {
    expect(weekRangeText('2025-W52', '2026-W02')).toBe('2025-W52 to 2026-W02');
    expect(weekRangeText('2026-W10', '2026-W10')).toBe('2026-W10');
    expect(
      topAreasText([
        { areaName: 'Billing', pings: 2 },
        { areaName: 'Integrations', pings: 1 },
        { areaName: 'Admin', pings: 1 },
        { areaName: 'No area named', pings: 1 },
      ]),
    ).toBe('Billing 2, Integrations 1, Admin 1');
    expect(importText({ found: 4, added: 4 })).toBe('4 status pings found, 4 new');
    expect(importText({ found: 1, added: 0 })).toBe('1 status ping found, 0 new');
  });
});
