import { describe, expect, it } from 'vitest';
import { DEFAULT_RELEASE_ATTRIBUTES } from './attributes.ts';
import { BUNDLE_SECTION_KEYS, type BundleSections, bundleChecklist, LITE_SECTIONS } from './bundle.ts';
import {
  DEFAULT_GATE_CHECKS,
  evaluateGate,
  type GateCheck,
  type GateContext,
  type GateRule,
  isOverridable,
  SIGNOFF_KINDS,
} from './gate.ts';
import { type LeadTimeRule, leadTime } from './leadtime.ts';
import { tierReviewOf, tierReviewReason } from './retier.ts';

const MON_FRI = [1, 2, 3, 4, 5];
const HOLIDAYS = [{ date: '2026-12-25' }];
const LAUNCH = '2026-12-24';
const TODAY = '2026-12-21';
/** 21 Dec 2026, 10:00 in New York. */
const NOW = '2026-12-21T15:00:00.000Z';

// Mirrors the pack §6 defaults: Tier 1 no bundle; Tier 2 lite + async; Tier 3 full + meeting + training.
const RULES: Record<1 | 2 | 3, GateRule & LeadTimeRule> = {
  1: {
    bundle: 'none',
    distributeBusinessDays: 0,
    publishBusinessDays: 0,
    requiredSections: [],
    signOffs: [],
    trainingSession: false,
    readinessCheck: 'none',
  },
  2: {
    bundle: 'lite',
    distributeBusinessDays: 5,
    publishBusinessDays: 2,
    requiredSections: LITE_SECTIONS,
    signOffs: ['support', 'sales'],
    trainingSession: false,
    readinessCheck: 'async',
  },
  3: {
    bundle: 'full',
    distributeBusinessDays: 10,
    publishBusinessDays: 2,
    requiredSections: BUNDLE_SECTION_KEYS,
    signOffs: ['support', 'sales', 'eng_monitoring', 'eng_rollback'],
    trainingSession: true,
    readinessCheck: 'meeting',
  },
};

const FULL_SECTIONS: BundleSections = Object.fromEntries(
  BUNDLE_SECTION_KEYS.map((key) => [key, `Written ${key} text.`]),
);

interface Scenario {
  tier: 1 | 2 | 3 | null;
  status: string;
  sections: BundleSections;
  distributedOn: string | null;
  publishedOn: string | null;
  signOffs: GateContext['signOffs'];
  decision: GateContext['decision'];
  polish?: GateContext['polish'];
  burden?: GateContext['burden'];
  tierReview?: GateContext['tierReview'];
}

const SHIP = { decision: 'ship' as const, by: 'Maya Chen', reason: 'All set.', at: '2026-12-21T15:00:00Z' };

function readyTier3(): Scenario {
  return {
    tier: 3,
    status: 'in_readiness',
    sections: FULL_SECTIONS,
    distributedOn: '2026-12-09',
    publishedOn: '2026-12-18',
    signOffs: SIGNOFF_KINDS.map((kind) => ({ kind, by: 'Alex Kim', at: '2026-12-18T10:00:00Z' })),
    decision: SHIP,
  };
}

function context(s: Scenario): GateContext {
  const rule = s.tier === null ? null : RULES[s.tier];
  const lt =
    s.tier === null || rule === null
      ? null
      : leadTime({
          tier: s.tier,
          launch: LAUNCH,
          today: TODAY,
          rule,
          workWeek: MON_FRI,
          holidays: HOLIDAYS,
          distributedOn: s.distributedOn,
          publishedOn: s.publishedOn,
        });
  return {
    release: { id: 'rel_1', title: 'Split invoices', tier: s.tier, status: s.status, targetDate: LAUNCH },
    rule,
    today: TODAY,
    leadTime: lt,
    checklist: bundleChecklist(s.sections, rule?.requiredSections ?? []),
    signOffs: s.signOffs,
    decision: s.decision,
    tierReview: s.tierReview ?? null,
    polish: s.polish ?? null,
    burden: s.burden ?? null,
    now: NOW,
    timeZone: 'America/New_York',
    overrides: [],
  };
}

const failing = (ctx: GateContext) =>
  evaluateGate(ctx)
    .checks.filter((c) => !c.ok)
    .map((c) => [c.id, c.reasons]);

describe('evaluateGate: Tier 3', () => {
  it('is ready with every requirement met, listing the default checks in order', () => {
    const result = evaluateGate(context(readyTier3()));
    expect(result.ready).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.releaseId).toBe('rel_1');
    expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
      ['tier', true],
      ['tier_review', true],
      ['status', true],
      ['sections', true],
      ['lead_time', true],
      ['sign_offs', true],
      ['decision', true],
      ['polish_mode', true],
      ['operational_burden', true],
    ]);
  });

  const removals: [string, (s: Scenario) => Scenario, string, string[]][] = [
    ['no tier', (s) => ({ ...s, tier: null }), 'tier', ['Tier not assigned: the PM must assign a tier.']],
    [
      'rolled back',
      (s) => ({ ...s, status: 'rolled_back' }),
      'status',
      ['Release was rolled back: re-plan it before it can ship again.'],
    ],
    [
      'support macros missing',
      (s) => ({ ...s, sections: { ...s.sections, support_macros: '- Scenario: Resolution:' } }),
      'sections',
      ['Missing bundle section: Support macros / troubleshooting'],
    ],
    [
      'not published',
      (s) => ({ ...s, publishedOn: null }),
      'lead_time',
      ['Final bundle not published yet (due 2026-12-22).'],
    ],
    [
      'distributed late',
      (s) => ({ ...s, distributedOn: '2026-12-11' }),
      'lead_time',
      ['Bundle was distributed on 2026-12-11, after it was due 2026-12-10 (10 business days before launch).'],
    ],
    [
      'never distributed',
      (s) => ({ ...s, distributedOn: null }),
      'lead_time',
      ['Bundle distribution was due 2026-12-10 (10 business days before launch) and has not happened.'],
    ],
    [
      'no Sales sign-off',
      (s) => ({ ...s, signOffs: s.signOffs.filter((o) => o.kind !== 'sales') }),
      'sign_offs',
      ['Missing sign-off: Sales readiness'],
    ],
    [
      'no training',
      (s) => ({ ...s, signOffs: s.signOffs.filter((o) => o.kind !== 'training') }),
      'sign_offs',
      ['Missing sign-off: Training session for Support/Sales held'],
    ],
    ['no decision', (s) => ({ ...s, decision: null }), 'decision', ['No go/no-go decision recorded.']],
    [
      'hold',
      (s) => ({ ...s, decision: { ...SHIP, decision: 'hold', reason: 'Support macros not reviewed' } }),
      'decision',
      ['Go/no-go decision is hold by Maya Chen: Support macros not reviewed'],
    ],
  ];

  it.each(removals)('%s: exactly the %s check fails', (_name, change, checkId, reasons) => {
    const result = evaluateGate(context(change(readyTier3())));
    expect(result.ready).toBe(false);
    expect(failing(context(change(readyTier3())))).toEqual([[checkId, reasons]]);
    expect(result.reasons).toEqual(reasons);
  });

  it('collects every unmet reason, check by check', () => {
    const s: Scenario = {
      ...readyTier3(),
      sections: {},
      distributedOn: null,
      publishedOn: null,
      signOffs: [],
      decision: null,
    };
    const result = evaluateGate(context(s));
    expect(result.checks.filter((c) => !c.ok).map((c) => [c.id, c.reasons.length])).toEqual([
      ['sections', 9],
      ['lead_time', 2],
      ['sign_offs', 5],
      ['decision', 1],
    ]);
    expect(result.reasons).toContain('Final bundle not published yet (due 2026-12-22).');
    expect(result.reasons).toContain('Missing sign-off: Eng: rollback ready');
  });

  it('still passes once launched', () => {
    expect(evaluateGate(context({ ...readyTier3(), status: 'launched' })).ready).toBe(true);
  });

  it('ends a delay reason with a full stop when none was given', () => {
    const s = { ...readyTier3(), decision: { ...SHIP, decision: 'delay' as const, reason: '  ' } };
    expect(evaluateGate(context(s)).reasons).toEqual(['Go/no-go decision is delay by Maya Chen.']);
  });

  it('holds on a "not ready" answer, naming who said it and why', () => {
    const s = readyTier3();
    s.signOffs = s.signOffs.map((x) =>
      x.kind === 'sales' ? { ...x, by: 'Sam Sales', ready: false, note: 'No price sheet yet.' } : x,
    );
    expect(failing(context(s))).toEqual([
      ['sign_offs', ['Not ready: Sales readiness (Sam Sales): No price sheet yet.']],
    ]);
  });
});

describe('evaluateGate: Tier 2 (lite)', () => {
  const lite: Scenario = {
    tier: 2,
    status: 'in_readiness',
    sections: Object.fromEntries(LITE_SECTIONS.map((k) => [k, `Written ${k}.`])),
    distributedOn: '2026-12-17',
    publishedOn: '2026-12-22',
    signOffs: [
      { kind: 'support', by: 'Sam', at: '2026-12-18T10:00:00Z' },
      { kind: 'sales', by: 'Lee', at: '2026-12-18T11:00:00Z' },
    ],
    decision: SHIP,
  };

  it('is ready with the lite sections, Support and Sales sign-offs and an async ship', () => {
    expect(failing(context(lite))).toEqual([]);
  });

  it('needs an async go/no-go and the lite sections', () => {
    const s = { ...lite, decision: null, sections: { ...lite.sections, faqs: '' } };
    expect(failing(context(s))).toEqual([
      ['sections', ['Missing bundle section: FAQs + edge cases']],
      ['decision', ['No go/no-go decision recorded.']],
    ]);
  });

  it('reports a distribution 5 business days out as missed', () => {
    // Tier 2: distribute by 2026-12-17; today 12-21 is past it.
    const s = { ...lite, distributedOn: null };
    expect(failing(context(s))).toEqual([
      [
        'lead_time',
        ['Bundle distribution was due 2026-12-17 (5 business days before launch) and has not happened.'],
      ],
    ]);
  });
});

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

describe('evaluateGate: Tier 1', () => {
  const tier1: Scenario = {
    tier: 1,
    status: 'planned',
    sections: {},
    distributedOn: null,
    publishedOn: null,
    signOffs: [],
    decision: null,
  };

  it('is ready as soon as it has a tier', () => {
    expect(evaluateGate(context(tier1)).ready).toBe(true);
    expect(failing(context({ ...tier1, tier: null }))).toEqual([
      ['tier', ['Tier not assigned: the PM must assign a tier.']],
    ]);
  });

  it('is still blocked by a hold', () => {
    const s = { ...tier1, decision: { ...SHIP, decision: 'hold' as const, reason: 'Copy not approved' } };
    expect(failing(context(s))).toEqual([
      ['decision', ['Go/no-go decision is hold by Maya Chen: Copy not approved']],
    ]);
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

describe('evaluateGate: custom checks', () => {
  const bugAge: GateCheck = {
    id: 'bug_age',
    label: 'No open bugs older than 7 days',
    run: (ctx) => (ctx.release.title.includes('Split') ? ['2 bugs open longer than 7 days.'] : []),
  };

  it('runs an extra check after the defaults and blocks on it', () => {
    const result = evaluateGate(context(readyTier3()), [...DEFAULT_GATE_CHECKS, bugAge]);
    expect(result.ready).toBe(false);
    expect(result.checks.map((c) => c.id)).toEqual([
      'tier',
      'tier_review',
      'status',
      'sections',
      'lead_time',
      'sign_offs',
      'decision',
      'polish_mode',
      'operational_burden',
      'bug_age',
    ]);
    expect(result.checks.at(-1)).toEqual({
      id: 'bug_age',
      label: 'No open bugs older than 7 days',
      ok: false,
      reasons: ['2 bugs open longer than 7 days.'],
    });
    expect(result.reasons).toEqual(['2 bugs open longer than 7 days.']);
  });

  it('works with a class-based check that uses this', () => {
    class MinDaysCheck implements GateCheck {
      id = 'min_days';
      label = 'Minimum days';
      constructor(private readonly limit: string) {}
      run(ctx: GateContext): string[] {
        return ctx.today > this.limit ? [`Too late: after ${this.limit}.`] : [];
      }
    }
    expect(evaluateGate(context(readyTier3()), [new MinDaysCheck('2026-12-01')]).reasons).toEqual([
      'Too late: after 2026-12-01.',
    ]);
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
