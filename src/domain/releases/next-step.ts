import type { SignOffKind } from './gate.ts';

/** The parts of the release page a step can point at (the web app's section ids). */
export type ReleaseSection =
  | 'overview'
  | 'tier'
  | 'lead-time'
  | 'bundle'
  | 'readiness'
  | 'decision'
  | 'gate'
  | 'post-launch';

/**
 * `open`: go to the section and do it there; `launch`: the step is "Mark launched" itself; `wait`: nothing to
 * do until a date (the section says why); `done`: nothing left.
 */
export type NextStepKind = 'open' | 'launch' | 'wait' | 'done';

export interface NextStep {
  kind: NextStepKind;
  /** In words, for a button or a line: "Fill the enablement bundle (3 sections missing)". */
  text: string;
  target: ReleaseSection;
}

export interface NextStepInput {
  /** The org's local date. */
  today: string;
  release: { status: string; tier: number | null; targetDate: string };
  gate: { ready: boolean; checks: readonly { id: string; ok: boolean }[] };
  bundle: {
    /** Required sections not written yet. */
    missingSections: number;
    distributedOn: string | null;
    publishedOn: string | null;
    /** Null when the tier needs no bundle. */
    distributeBy: string | null;
    publishBy: string | null;
  };
  /** The sign-offs the tier needs, and the latest answer of each kind given so far. */
  signOffs: { required: readonly SignOffKind[]; given: readonly { kind: SignOffKind; ready: boolean }[] };
  /** The latest go/no-go decision. */
  decision: { decision: 'ship' | 'hold' | 'delay' } | null;
  postLaunch: readonly { kind: 'day3' | 'day14'; dueOn: string; completedAt: string | null }[];
  earliestCompliantLaunch: string | null;
}

/** Who is asked for each sign-off, in words. */
export const SIGNOFF_WHO: Record<SignOffKind, string> = {
  support: 'Support',
  sales: 'Sales',
  eng_monitoring: 'Engineering (monitoring)',
  eng_rollback: 'Engineering (rollback plan)',
  training: 'Product Ops (training session)',
};

const POST_LAUNCH = { day3: 'Day 3 check-in', day14: 'Day 14 retro (the post-launch review)' } as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

type Day = (date: string) => string;
type Step = (i: NextStepInput, day: Day) => NextStep | null;

const failing = (i: NextStepInput, id: string) => i.gate.checks.some((c) => c.id === id && !c.ok);
const open = (text: string, target: ReleaseSection): NextStep => ({ kind: 'open', text, target });

const tierStep: Step = (i) => {
  if (failing(i, 'tier')) return open('Assign a tier', 'tier');
  return failing(i, 'tier_review')
    ? open('Review the tier: the attributes now suggest a higher one', 'tier')
    : null;
};

const sectionsStep: Step = (i) =>
  failing(i, 'sections') && i.bundle.missingSections > 0
    ? open(`Fill the enablement bundle (${plural(i.bundle.missingSections, 'section')} missing)`, 'bundle')
    : null;

const due = (by: string | null, today: string, day: Day) =>
  by === null ? '' : today > by ? ` (was due ${day(by)})` : ` (due ${day(by)})`;

const distributeStep: Step = (i, day) =>
  failing(i, 'lead_time') && i.bundle.distributeBy !== null && !i.bundle.distributedOn
    ? open(`Distribute the bundle to Support & Sales${due(i.bundle.distributeBy, i.today, day)}`, 'bundle')
    : null;

const signOffStep: Step = (i) => {
  if (!failing(i, 'sign_offs')) return null;
  const answer = (k: SignOffKind) => i.signOffs.given.find((s) => s.kind === k);
  const notReady = i.signOffs.required.filter((k) => answer(k)?.ready === false);
  if (notReady.length) {
    return open(
      `Resolve what ${notReady.map((k) => SIGNOFF_WHO[k]).join(' and ')} said is not ready`,
      'readiness',
    );
  }
  const missing = i.signOffs.required.filter((k) => !answer(k));
  if (missing.length === 0) return null;
  if (missing.length === 1) return open(`Ask ${SIGNOFF_WHO[missing[0]!]} for sign-off`, 'readiness');
  const who = missing.map((k) => SIGNOFF_WHO[k]).join(', ');
  return open(`Collect ${missing.length} readiness sign-offs (${who})`, 'readiness');
};

const publishStep: Step = (i, day) =>
  failing(i, 'lead_time') && i.bundle.publishBy !== null && !i.bundle.publishedOn
    ? open(`Publish the final bundle${due(i.bundle.publishBy, i.today, day)}`, 'bundle')
    : null;

// Distributed and published, yet the lead-time check still fails: a deadline was missed for this launch date.
const lateStep: Step = (i, day) => {
  if (!failing(i, 'lead_time')) return null;
  const when = i.earliestCompliantLaunch ? ` (${day(i.earliestCompliantLaunch)} at the earliest)` : '';
  return open(`Move the launch date${when} or ask for an override: the bundle was late`, 'lead-time');
};

const decisionStep: Step = (i) => {
  if (!failing(i, 'decision')) return null;
  const d = i.decision?.decision;
  if (d === 'hold') return open('Lift the hold: record a new go/no-go decision', 'decision');
  if (d === 'delay') return open('Record a new go/no-go decision after the delay', 'decision');
  return open('Record the go/no-go decision', 'decision');
};

// Whatever else fails (Polish Mode, operational burden, a check added later): the gate says what.
const restStep: Step = (i) => {
  const n = i.gate.checks.filter((c) => !c.ok).length;
  return n ? open(`Fix ${plural(n, 'open gate item')}`, 'gate') : null;
};

/** In the order the enablement workflow runs: tier, bundle, distribution, sign-offs, publication, decision. */
const BEFORE_LAUNCH: readonly Step[] = [
  tierStep,
  sectionsStep,
  distributeStep,
  signOffStep,
  publishStep,
  lateStep,
  decisionStep,
  restStep,
];

function launchStep(i: NextStepInput, day: Day): NextStep {
  if (i.today < i.release.targetDate) {
    return { kind: 'wait', text: `Ready: launch on ${day(i.release.targetDate)}`, target: 'gate' };
  }
  return { kind: 'launch', text: 'Mark launched', target: 'overview' };
}

function afterLaunch(i: NextStepInput, day: Day): NextStep {
  const next = [...i.postLaunch]
    .filter((c) => !c.completedAt)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : 1))[0];
  if (!next)
    return { kind: 'done', text: 'Launched and reviewed: nothing left to do', target: 'post-launch' };
  return open(`Write the ${POST_LAUNCH[next.kind]} (due ${day(next.dueOn)})`, 'post-launch');
}

/**
 * The one thing to do next on a release, in words, and the part of the page where it is done. "Mark launched"
 * comes only once the gate passes and the launch day has come; a rolled-back release is re-planned first.
 */
export function nextStep(i: NextStepInput, day: Day = (d) => d): NextStep {
  const status = i.release.status;
  if (status === 'rolled_back') return open('Re-plan the release: set a new launch date', 'overview');
  if (status === 'launched') return afterLaunch(i, day);
  for (const step of BEFORE_LAUNCH) {
    const found = step(i, day);
    if (found) return found;
  }
  // The gate may be overridden into passing while a check above still has work: the gate is the authority.
  return i.gate.ready ? launchStep(i, day) : open('Fix the open gate items', 'gate');
}
