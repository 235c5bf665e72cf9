/** The gate's holds on a release: Polish Mode, operational burden, a tier to review, and logged overrides. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RELEASE_ATTRIBUTES } from './attributes.ts';
import { context, failing, NOW, readyTier3, type Scenario } from './gate.fixture.ts';
import {
  DEFAULT_GATE_CHECKS,
  evaluateGate,
  type GateCheck,
  type GateContext,
  isOverridable,
} from './gate.ts';
import { tierReviewOf, tierReviewReason } from './retier.ts';

describe('evaluateGate: Polish Mode', () => {
  const polish = (feature: boolean): GateContext['polish'] => ({
    areaName: 'Billing',
    since: '2026-12-10',
    asOf: '2026-12-21',
    pct: 41.7,
    confused: 5,
    tickets: 12,
    windowDays: 28,
    thresholdPct: 20,
    minDays: 14,
    leavesOn: '2027-01-04',
    feature,
  });

  it('holds a Tier 2/3 feature release of the area with a reason that names the figure', () => {
    const reason =
      'Polish Mode in Billing since 2026-12-10: 41.7% of support tickets (5 of 12) were confused customers in ' +
      'the 28 days to 2026-12-21, above the 20% threshold. Only bug fixes, copy changes and invisible backend ' +
      'changes ship until it stays at or under 20% for 14 days (2027-01-04 at the earliest).';
    expect(failing(context({ ...readyTier3(), polish: polish(true) }))).toEqual([['polish_mode', [reason]]]);
  });

  it('lets a bug fix ship during Polish Mode, and a Tier 1 release', () => {
    expect(failing(context({ ...readyTier3(), polish: polish(false) }))).toEqual([]);
    const tier1: Scenario = { ...readyTier3(), tier: 1, decision: null, polish: polish(true) };
    expect(failing(context(tier1)).map(([id]) => id)).not.toContain('polish_mode');
  });
});

describe('evaluateGate: operational burden', () => {
  const burden = (feature: boolean): GateContext['burden'] => ({
    areaName: 'Billing',
    per1k: 14.2,
    tickets: 213,
    users: 15_000,
    windowDays: 30,
    to: '2026-12-21',
    thresholdPer1k: 10,
    feature,
  });

  it("holds the area's Tier 2/3 features with the figure and lets a bug fix through", () => {
    expect(failing(context({ ...readyTier3(), burden: burden(true) }))).toEqual([
      [
        'operational_burden',
        [
          'Operational burden in Billing: 14.2 support tickets per 1,000 active users in the 30 days to ' +
            '2026-12-21 (213 tickets, 15,000 active users), above 10. New features wait until it is at or under ' +
            '10; bug fixes, copy changes and invisible backend changes still ship.',
        ],
      ],
    ]);
    expect(failing(context({ ...readyTier3(), burden: burden(false) }))).toEqual([]);
  });
});

describe('evaluateGate: tier review', () => {
  const tier1: Scenario = {
    tier: 1,
    status: 'planned',
    sections: {},
    distributedOn: null,
    publishedOn: null,
    signOffs: [],
    decision: null,
  };
  const rules = DEFAULT_RELEASE_ATTRIBUTES;
  const stale = { tier: 1, suggestedTier: 3, tierReason: null, attributes: ['ga_launch', 'api_change'] };

  it('fails while the attributes suggest more than the tier and no reason counts, naming attribute labels', () => {
    const review = tierReviewOf(stale, rules);
    expect(failing(context({ ...tier1, tierReview: review }))).toEqual([
      [
        'tier_review',
        [
          'Tier 1 was assigned, but the attributes now suggest Tier 3 (GA launch): the PM must re-assign the tier ' +
            'or say why it stays lower.',
        ],
      ],
    ]);
  });

  it('has nothing to review with a reason, a tier at or above the suggestion, or no tier', () => {
    expect(tierReviewOf({ ...stale, tierReason: 'Internal beta only.' }, rules)).toBeNull();
    expect(tierReviewOf({ ...stale, tierReason: '  ' }, rules)).not.toBeNull();
    expect(tierReviewOf({ ...stale, tier: 3 }, rules)).toBeNull();
    expect(tierReviewOf({ ...stale, tier: null }, rules)).toBeNull();
    expect(evaluateGate(context({ ...tier1, tierReview: null })).ready).toBe(true);
  });

  it('says the tier name when no attribute label is known (settings changed)', () => {
    const review = tierReviewOf({ ...stale, attributes: ['gone'] }, rules)!;
    expect(tierReviewReason(review)).toContain('now suggest Tier 3 (High):');
  });
});

describe('evaluateGate: overrides', () => {
  // Two sign-offs missing: the only failing check.
  const missingSales = (): Scenario => {
    const s = readyTier3();
    return { ...s, signOffs: s.signOffs.filter((o) => o.kind !== 'sales' && o.kind !== 'support') };
  };
  // The end of 23 Dec 2026 in New York.
  const override = {
    checkId: 'sign_offs',
    by: 'Hana Okafor',
    reason: 'Support trained live; Sales sign-off follows after the holiday.',
    expiresAt: '2026-12-24T04:59:59.999Z',
  };
  const withOverride = (s: Scenario, o = override, now = NOW): GateContext => ({
    ...context(s),
    overrides: [o],
    now,
  });

  it('lets a failing check through while the override is active, keeping what fails and saying who let it', () => {
    const result = evaluateGate(withOverride(missingSales()));
    expect(result.ready).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.checks.find((c) => c.id === 'sign_offs')).toEqual({
      id: 'sign_offs',
      label: 'Readiness sign-offs',
      ok: true,
      reasons: ['Missing sign-off: Support readiness', 'Missing sign-off: Sales readiness'],
      overridden: { by: 'Hana Okafor', reason: override.reason, expiresAt: override.expiresAt },
    });
    // The end's date is read in the org's zone: 04:59 UTC on the 24th is still the 23rd in New York.
    expect(result.overridden).toEqual([
      `Readiness sign-offs overridden by Hana Okafor until 23 Dec 2026: ${override.reason}`,
    ]);
  });

  it('blocks again at the instant the override ends (the end is exclusive)', () => {
    const atEnd = evaluateGate(withOverride(missingSales(), override, override.expiresAt));
    expect(atEnd.ready).toBe(false);
    expect(atEnd.overridden).toEqual([]);
    expect(atEnd.reasons).toEqual([
      'Missing sign-off: Support readiness',
      'Missing sign-off: Sales readiness',
    ]);
    expect(atEnd.checks.find((c) => c.id === 'sign_offs')).not.toHaveProperty('overridden');
    const justBefore = new Date(Date.parse(override.expiresAt) - 1).toISOString();
    expect(evaluateGate(withOverride(missingSales(), override, justBefore)).ready).toBe(true);
  });

  it('leaves the other failing checks blocking', () => {
    const s = { ...missingSales(), decision: null };
    const result = evaluateGate(withOverride(s));
    expect(result.ready).toBe(false);
    expect(result.reasons).toEqual(['No go/no-go decision recorded.']);
    expect(result.overridden).toHaveLength(1);
  });

  it('does nothing to a passing check', () => {
    const result = evaluateGate(withOverride(readyTier3()));
    expect(result.ready).toBe(true);
    expect(result.overridden).toEqual([]);
    expect(result.checks.find((c) => c.id === 'sign_offs')).toEqual({
      id: 'sign_offs',
      label: 'Readiness sign-offs',
      ok: true,
      reasons: [],
    });
  });

  it('never lets a missing tier or a rolled-back release through', () => {
    const noTier = { ...readyTier3(), tier: null };
    const tierOverride = { ...override, checkId: 'tier' };
    expect(evaluateGate(withOverride(noTier, tierOverride)).reasons).toEqual([
      'Tier not assigned: the PM must assign a tier.',
    ]);
    const rolledBack = { ...readyTier3(), status: 'rolled_back' };
    const result = evaluateGate(withOverride(rolledBack, { ...override, checkId: 'status' }));
    expect([result.ready, result.overridden]).toEqual([false, []]);
    expect(isOverridable('tier') || isOverridable('status')).toBe(false);
    expect(isOverridable('sign_offs') && isOverridable('polish_mode')).toBe(true);
  });

  it('overrides a registered check by its id', () => {
    const polish: GateCheck = { id: 'polish_mode', label: 'Polish Mode', run: () => ['2 old bugs.'] };
    const ctx = withOverride(readyTier3(), { ...override, checkId: 'polish_mode' });
    const result = evaluateGate(ctx, [...DEFAULT_GATE_CHECKS, polish]);
    expect([result.ready, result.reasons]).toEqual([true, []]);
    expect(result.overridden[0]).toMatch(/^Polish Mode overridden by Hana Okafor until 23 Dec 2026: /);
  });
});
