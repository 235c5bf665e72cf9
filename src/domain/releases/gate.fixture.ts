import { BUNDLE_SECTION_KEYS, type BundleSections, bundleChecklist, LITE_SECTIONS } from './bundle.ts';
import { evaluateGate, type GateContext, type GateRule, SIGNOFF_KINDS } from './gate.ts';
import { type LeadTimeRule, leadTime } from './leadtime.ts';

/** The gate tests' scenarios (gate.test.ts, gate-holds.test.ts): one release a few days from its launch. */
export const MON_FRI = [1, 2, 3, 4, 5];
export const HOLIDAYS = [{ date: '2026-12-25' }];
export const LAUNCH = '2026-12-24';
export const TODAY = '2026-12-21';
/** 21 Dec 2026, 10:00 in New York. */
export const NOW = '2026-12-21T15:00:00.000Z';

// Mirrors the pack §6 defaults: Tier 1 no bundle; Tier 2 lite + async; Tier 3 full + meeting + training.
export const RULES: Record<1 | 2 | 3, GateRule & LeadTimeRule> = {
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

export const FULL_SECTIONS: BundleSections = Object.fromEntries(
  BUNDLE_SECTION_KEYS.map((key) => [key, `Written ${key} text.`]),
);

export interface Scenario {
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

export const SHIP = {
  decision: 'ship' as const,
  by: 'Maya Chen',
  reason: 'All set.',
  at: '2026-12-21T15:00:00Z',
};

export function readyTier3(): Scenario {
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

export function context(s: Scenario): GateContext {
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

export const failing = (ctx: GateContext) =>
  evaluateGate(ctx)
    .checks.filter((c) => !c.ok)
    .map((c) => [c.id, c.reasons]);
