import { describe, expect, it } from 'vitest';
import type { TGate } from '../../shared/release-detail.ts';
import {
  burdenText,
  figureText,
  orgDate,
  polishBannerFromGate,
  polishText,
  ruleText,
  trendBar,
} from './quality.ts';

const rule = {
  thresholdPct: 20,
  windowDays: 28,
  minTickets: 20,
  polishMinDays: 14,
  supportSources: ['support'],
  burdenPer1k: 10,
};
const figure = {
  day: '2026-12-10',
  from: '2026-11-13',
  tickets: 34,
  confused: 13,
  pct: 38.2,
  enough: true,
  above: true,
};

describe('the confused-customer figure in words', () => {
  it('says the share, the counts, the window and the threshold', () => {
    expect(figureText(figure, rule)).toBe(
      '38.2% of support tickets were confused customers in the last 28 days — 13 of 34; threshold 20%',
    );
  });

  it('does not judge too few tickets, and says how many it needs', () => {
    const few = { ...figure, tickets: 12, confused: 5, pct: null, enough: false, above: false };
    expect(figureText(few, rule)).toBe(
      'Too few support tickets to judge in the last 28 days (12 of at least 20); threshold 20%',
    );
    expect(trendBar(few)).toMatchObject({ value: null, detail: '5 of 12 tickets' });
  });

  it('labels a trend week by its window and last day', () => {
    expect(trendBar(figure)).toEqual({
      key: '2026-12-10',
      label: '28 days to Thu 10 Dec',
      value: 38.2,
      detail: '13 of 34 tickets',
    });
  });

  it('names Polish Mode’s days in the org’s zone, and what counts as a support ticket', () => {
    const p = { since: '2026-11-20', lastAbove: figure, leavesOn: '2026-12-24' };
    expect(polishText(p, rule, 'Europe/Berlin')).toBe(
      'In Polish Mode since Fri 20 Nov 2026 (Europe/Berlin); leaves on Thu 24 Dec 2026 (Europe/Berlin) at the ' +
        'earliest if the figure stays at or under 20%',
    );
    expect(ruleText(rule)).toBe(
      'A support ticket is a feedback item from the source “support”; the figure is judged only with at least ' +
        '20 tickets in the last 28 days, and an area leaves Polish Mode once it has stayed at or under 20% for 14 days.',
    );
    // 23:30 on 9 Dec in UTC is already 10 Dec in Berlin.
    expect(orgDate('2026-12-09T23:30:00Z', 'Europe/Berlin')).toBe('Thu 10 Dec 2026');
  });
});

describe('the release page’s Polish Mode banner', () => {
  const gate = (check: Partial<TGate['checks'][number]> | null): TGate =>
    ({
      releaseId: 'r1',
      ready: false,
      checks: check
        ? [{ id: 'polish_mode', label: 'Area not in Polish Mode', ok: true, reasons: [], ...check }]
        : [],
    }) as TGate;

  it('shows when the gate holds the release, or let it through by an override', () => {
    const text = 'Billing is in Polish Mode: only bug fixes, copy changes and invisible backend changes ship';
    expect(polishBannerFromGate(gate({ ok: false, reasons: ['…'] }), 'Billing')).toBe(text);
    expect(
      polishBannerFromGate(
        gate({ ok: true, reasons: ['…'], overridden: { by: 'H', expiresAt: 'x' } }),
        'Billing',
      ),
    ).toBe(text);
  });

  it('says nothing when the check passes or is not there', () => {
    expect(polishBannerFromGate(gate({}), 'Billing')).toBeNull();
    expect(polishBannerFromGate(gate(null), 'Billing')).toBeNull();
  });
});

describe('operational burden in words', () => {
  const b = { from: '2026-11-11', to: '2026-12-10', tickets: 213, users: 15_000, per1k: 14.2, above: true };
  it('says tickets per 1,000 active users with the counts and the threshold', () => {
    expect(burdenText(b, rule)).toBe(
      '14.2 support tickets per 1,000 active users in the last 30 days — 213 tickets, 15,000 active users; threshold 10',
    );
  });
  it('says when no active users are recorded', () => {
    expect(burdenText({ ...b, users: null, per1k: null, above: false }, rule)).toBe(
      'No active users recorded for this area, so no operational burden yet (213 support tickets in the last 30 days); threshold 10',
    );
  });
});
