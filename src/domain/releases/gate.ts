import { localDateTime } from '../../shared/calendar.ts';
import { dayText } from '../roadmap/follow-release.ts';
import type { Tier } from './attributes.ts';
import { BUNDLE_SECTIONS, type BundleSectionKey, type ChecklistItem } from './bundle.ts';
import type { LeadTime } from './leadtime.ts';
import { type TierReview, tierReviewReason } from './retier.ts';

export const SIGNOFF_KINDS = ['support', 'sales', 'eng_monitoring', 'eng_rollback', 'training'] as const;
export type SignOffKind = (typeof SIGNOFF_KINDS)[number];

export const SIGNOFF_LABELS: Record<SignOffKind, string> = {
  support: 'Support readiness',
  sales: 'Sales readiness',
  eng_monitoring: 'Eng: monitoring in place',
  eng_rollback: 'Eng: rollback ready',
  training: 'Training session for Support/Sales held',
};

export interface GateRule {
  bundle: 'none' | 'lite' | 'full';
  requiredSections: readonly BundleSectionKey[];
  signOffs: readonly SignOffKind[];
  trainingSession: boolean;
  readinessCheck: 'none' | 'async' | 'meeting';
}

export interface GoNoGo {
  decision: 'ship' | 'hold' | 'delay';
  by: string;
  reason: string;
  at: string;
}

/** The Head of Product's logged override of one check, until an instant (ISO). */
export interface GateOverride {
  checkId: string;
  by: string;
  reason: string;
  expiresAt: string;
}

export interface GateContext {
  release: { id: string; title: string; tier: Tier | null; status: string; targetDate: string };
  /** Null when the tier is not assigned. */
  rule: GateRule | null;
  today: string;
  /** Null when no tier. */
  leadTime: LeadTime | null;
  checklist: ChecklistItem[];
  /** The latest answer of each kind; `ready: false` is "not ready, because…" (the note). Absent means ready. */
  signOffs: { kind: SignOffKind; by: string; at: string; ready?: boolean; note?: string }[];
  /** The latest go/no-go. */
  decision: GoNoGo | null;
  /** The tier is below what the attributes suggest and no reason counts (tierReviewOf); null: nothing to review. */
  tierReview: TierReview | null;
  /** The release's area is in Polish Mode (null: it is not, or the release has no area). */
  polish: PolishHold | null;
  /** The release's area carries more support load than its threshold (null: it does not, or no area). */
  burden: BurdenHold | null;
  /** The instant the gate is asked at (ISO), and the org's zone: an override's end is read in it. */
  now: string;
  timeZone: string;
  /** The active overrides (one per check); one that has reached its end is ignored all the same. */
  overrides: GateOverride[];
}

/** What the gate says of an area in Polish Mode: the figure that put it there and when it may leave. */
export interface PolishHold {
  areaName: string;
  /** The day the area entered Polish Mode. */
  since: string;
  /** The last day the figure was above the threshold: the figure below is that day's. */
  asOf: string;
  pct: number;
  confused: number;
  tickets: number;
  windowDays: number;
  thresholdPct: number;
  minDays: number;
  /** The earliest day it leaves, if the figure stays under the threshold from now on. */
  leavesOn: string;
  /** Bug fixes, copy changes and invisible backend changes are not features: they still ship. */
  feature: boolean;
}

/** What the gate says of an area whose operational burden is above its threshold. */
export interface BurdenHold {
  areaName: string;
  per1k: number;
  tickets: number;
  users: number;
  windowDays: number;
  to: string;
  thresholdPer1k: number;
  /** As for Polish Mode: only features wait. */
  feature: boolean;
}

/** One gate requirement; run returns the unmet reasons, one readable line each ([] = ok). */
export interface GateCheck {
  id: string;
  label: string;
  run(ctx: GateContext): string[];
}

export interface GateCheckResult {
  id: string;
  label: string;
  /** Passing, or failing under an active override (`overridden` says whose; `reasons` still say what fails). */
  ok: boolean;
  reasons: string[];
  /** `reason` is absent only where it is hidden (stakeholders: hideOverrideReasons). */
  overridden?: { by: string; reason?: string; expiresAt: string };
}

export interface GateResult {
  releaseId: string;
  ready: boolean;
  checks: GateCheckResult[];
  /** What blocks: the reasons of failing checks nobody overrode. */
  reasons: string[];
  /** One readable line per failing check that an override lets through. */
  overridden: string[];
}

/**
 * A missing tier or a rolled-back release is a fact to fix, not a risk someone can accept: these checks are never
 * overridden.
 */
const NOT_OVERRIDABLE: readonly string[] = ['tier', 'status'];
export const isOverridable = (checkId: string): boolean => !NOT_OVERRIDABLE.includes(checkId);

/** An override counts until its end, exclusive: at `expiresAt` itself it has expired. */
export const isActiveOverride = (o: { expiresAt: string }, now: string): boolean =>
  Date.parse(o.expiresAt) > Date.parse(now);

const tierCheck: GateCheck = {
  id: 'tier',
  label: 'Tier assigned',
  run: (ctx) =>
    ctx.release.tier === null || ctx.rule === null ? ['Tier not assigned: the PM must assign a tier.'] : [],
};

// The attributes moved after the tier was set: the old reason for a lower tier no longer speaks for them.
const tierReviewCheck: GateCheck = {
  id: 'tier_review',
  label: 'Tier matches its attributes',
  run: ({ tierReview }) => (tierReview ? [tierReviewReason(tierReview)] : []),
};

const statusCheck: GateCheck = {
  id: 'status',
  label: 'Release not rolled back',
  run: (ctx) =>
    ctx.release.status === 'rolled_back'
      ? ['Release was rolled back: re-plan it before it can ship again.']
      : [],
};

const headingOf = (key: BundleSectionKey): string =>
  BUNDLE_SECTIONS.find((s) => s.key === key)?.heading ?? key;

const sectionsCheck: GateCheck = {
  id: 'sections',
  label: 'Required bundle sections written',
  run: ({ rule, checklist }) =>
    (rule?.requiredSections ?? [])
      .filter((key) => !checklist.some((item) => item.key === key && item.done))
      .map((key) => `Missing bundle section: ${headingOf(key)}`),
};

const NOT_YET = {
  distribute: (due: string) => `Bundle not distributed yet (due ${due}).`,
  publish: (due: string) => `Final bundle not published yet (due ${due}).`,
} as const;

// The gate needs the bundle actually distributed and published, not merely still on time.
const leadTimeCheck: GateCheck = {
  id: 'lead_time',
  label: 'Bundle distributed and published on time',
  run: ({ leadTime }) => {
    if (!leadTime) return [];
    const open = leadTime.deadlines
      .filter((d) => d.status === 'open' && d.due !== null)
      .map((d) => NOT_YET[d.kind](d.due as string));
    return [...leadTime.late, ...open];
  },
};

function requiredSignOffs(rule: GateRule): SignOffKind[] {
  const kinds = new Set<SignOffKind>(rule.signOffs);
  if (rule.trainingSession) kinds.add('training');
  return SIGNOFF_KINDS.filter((k) => kinds.has(k));
}

const signOffsCheck: GateCheck = {
  id: 'sign_offs',
  label: 'Readiness sign-offs',
  run: ({ rule, signOffs }) =>
    rule
      ? requiredSignOffs(rule).flatMap((kind) => {
          const answer = signOffs.find((s) => s.kind === kind);
          if (!answer) return [`Missing sign-off: ${SIGNOFF_LABELS[kind]}`];
          if (answer.ready === false) return [notReady(kind, answer)];
          return [];
        })
      : [],
};

function notReady(kind: SignOffKind, answer: { by: string; note?: string }): string {
  const why = answer.note?.trim();
  return `Not ready: ${SIGNOFF_LABELS[kind]} (${answer.by})${why ? `: ${why}` : ''}`;
}

function blockingDecision(d: GoNoGo): string {
  const reason = d.reason.trim();
  return `Go/no-go decision is ${d.decision} by ${d.by}${reason ? `: ${reason}` : '.'}`;
}

// A hold or delay always blocks; a readiness check (async or meeting) must also end in an explicit ship.
const decisionCheck: GateCheck = {
  id: 'decision',
  label: 'Go/no-go decision',
  run: ({ rule, decision }) => {
    if (decision && decision.decision !== 'ship') return [blockingDecision(decision)];
    const needsDecision = rule !== null && rule.readinessCheck !== 'none';
    return needsDecision && !decision ? ['No go/no-go decision recorded.'] : [];
  },
};

function polishReason(p: PolishHold): string {
  return (
    `Polish Mode in ${p.areaName} since ${p.since}: ${p.pct}% of support tickets (${p.confused} of ${p.tickets}) ` +
    `were confused customers in the ${p.windowDays} days to ${p.asOf}, above the ${p.thresholdPct}% threshold. ` +
    `Only bug fixes, copy ` +
    `changes and invisible backend changes ship until it stays at or under ${p.thresholdPct}% for ` +
    `${p.minDays} days (${p.leavesOn} at the earliest).`
  );
}

// Velocity framework: an area that confuses its customers polishes before it ships new Tier 2/3 features.
const polishCheck: GateCheck = {
  id: 'polish_mode',
  label: 'Area not in Polish Mode',
  run: ({ release, polish }) =>
    polish?.feature && (release.tier === 2 || release.tier === 3) ? [polishReason(polish)] : [],
};

function burdenReason(b: BurdenHold): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `Operational burden in ${b.areaName}: ${b.per1k} support tickets per 1,000 active users in the ` +
    `${b.windowDays} days to ${b.to} (${n(b.tickets)} tickets, ${n(b.users)} active users), above ` +
    `${b.thresholdPer1k}. New features wait until it is at or under ${b.thresholdPer1k}; bug fixes, copy changes ` +
    `and invisible backend changes still ship.`
  );
}

// Velocity framework: an area whose customers need too much support loses the right to ship new features.
const burdenCheck: GateCheck = {
  id: 'operational_burden',
  label: 'Operational burden under its threshold',
  run: ({ release, burden }) =>
    burden?.feature && (release.tier === 2 || release.tier === 3) ? [burdenReason(burden)] : [],
};

export const DEFAULT_GATE_CHECKS: GateCheck[] = [
  tierCheck,
  tierReviewCheck,
  statusCheck,
  sectionsCheck,
  leadTimeCheck,
  signOffsCheck,
  decisionCheck,
  polishCheck,
  burdenCheck,
];

function overrideFor(ctx: GateContext, checkId: string): GateOverride | undefined {
  if (!isOverridable(checkId)) return undefined;
  return ctx.overrides.find((o) => o.checkId === checkId && isActiveOverride(o, ctx.now));
}

function runCheck(ctx: GateContext, check: GateCheck): GateCheckResult {
  const reasons = check.run(ctx);
  const result = { id: check.id, label: check.label, ok: reasons.length === 0, reasons };
  const override = reasons.length ? overrideFor(ctx, check.id) : undefined;
  if (!override) return result;
  const { by, reason, expiresAt } = override;
  return { ...result, ok: true, overridden: { by, reason, expiresAt } };
}

/** "Readiness sign-offs overridden by Hana Okafor until 12 Dec 2026: <reason>" (the end's date in the org's zone). */
function overriddenLine(c: GateCheckResult, timeZone: string): string {
  const o = c.overridden!;
  const until = dayText(localDateTime(new Date(o.expiresAt), timeZone).date);
  return `${c.label} overridden by ${o.by} until ${until}${o.reason === undefined ? '' : `: ${o.reason}`}`;
}

/**
 * The gate as a stakeholder reads it: that a check was overridden, by whom and until when, but not why (the
 * reason is the product org's internal judgement).
 */
export function hideOverrideReasons<G extends GateResult>(gate: G, timeZone: string): G {
  const checks = gate.checks.map((c) => {
    if (!c.overridden) return c;
    const { reason: _hidden, ...overridden } = c.overridden;
    return { ...c, overridden };
  });
  const lines = checks.filter((c) => c.overridden).map((c) => overriddenLine(c, timeZone));
  return { ...gate, checks, overridden: lines };
}

/**
 * Ready when every check passes or is overridden; extra policies (e.g. Polish Mode) plug in as further checks.
 * An override of a passing check changes nothing.
 */
export function evaluateGate(
  ctx: GateContext,
  checks: readonly GateCheck[] = DEFAULT_GATE_CHECKS,
): GateResult {
  const results = checks.map((check) => runCheck(ctx, check));
  return {
    releaseId: ctx.release.id,
    ready: results.every((r) => r.ok),
    checks: results,
    reasons: results.filter((r) => !r.overridden).flatMap((r) => r.reasons),
    overridden: results.filter((r) => r.overridden).map((r) => overriddenLine(r, ctx.timeZone)),
  };
}
