import { describe, expect, it } from 'vitest';
import { type NextStepInput, nextStep } from './next-step.ts';

const CHECKS = [
  'tier',
  'tier_review',
  'status',
  'sections',
  'lead_time',
  'sign_offs',
  'decision',
  'polish_mode',
];

/** A Tier 3 release launching 2027-01-25, everything done: the gate passes. */
function base(): NextStepInput {
  return {
    today: '2027-01-11',
    release: { status: 'go', tier: 3, targetDate: '2027-01-25' },
    gate: { ready: true, checks: CHECKS.map((id) => ({ id, ok: true })) },
    bundle: {
      missingSections: 0,
      distributedOn: '2027-01-04',
      publishedOn: '2027-01-08',
      distributeBy: '2027-01-04',
      publishBy: '2027-01-18',
    },
    signOffs: {
      required: ['support', 'sales', 'training'],
      given: [
        { kind: 'support', ready: true },
        { kind: 'sales', ready: true },
        { kind: 'training', ready: true },
      ],
    },
    decision: { decision: 'ship' },
    postLaunch: [],
    earliestCompliantLaunch: '2027-02-08',
  };
}

/** `base()` with these checks failing (and the gate not ready), then `change` applied. */
function with_(failing: string[], change: (i: NextStepInput) => void = () => {}): NextStepInput {
  const i = base();
  i.gate = { ready: failing.length === 0, checks: CHECKS.map((id) => ({ id, ok: !failing.includes(id) })) };
  change(i);
  return i;
}

const day = (d: string) => `day ${d}`;

describe('nextStep', () => {
  it('asks for a tier first, then for a review of a tier the attributes outgrew', () => {
    expect(nextStep(with_(['tier', 'sections', 'sign_offs']))).toEqual({
      kind: 'open',
      text: 'Assign a tier',
      target: 'tier',
    });
    expect(nextStep(with_(['tier_review', 'decision'])).text).toMatch(/^Review the tier/);
  });

  it('asks for the missing bundle sections, counted', () => {
    const i = with_(['sections', 'lead_time', 'sign_offs'], (x) => {
      x.bundle.missingSections = 3;
    });
    expect(nextStep(i)).toEqual({
      kind: 'open',
      text: 'Fill the enablement bundle (3 sections missing)',
      target: 'bundle',
    });
    i.bundle.missingSections = 1;
    expect(nextStep(i).text).toBe('Fill the enablement bundle (1 section missing)');
  });

  it('asks to distribute the bundle with its due date, or says it was due', () => {
    const i = with_(['lead_time', 'sign_offs'], (x) => {
      x.bundle.distributedOn = null;
      x.bundle.publishedOn = null;
      x.today = '2027-01-03';
    });
    expect(nextStep(i, day)).toEqual({
      kind: 'open',
      text: 'Distribute the bundle to Support & Sales (due day 2027-01-04)',
      target: 'bundle',
    });
    i.today = '2027-01-05';
    expect(nextStep(i, day).text).toBe('Distribute the bundle to Support & Sales (was due day 2027-01-04)');
  });

  it('names the one team whose sign-off is missing, or counts several', () => {
    const one = with_(['sign_offs'], (x) => {
      x.signOffs.given = x.signOffs.given.filter((s) => s.kind !== 'support');
    });
    expect(nextStep(one)).toEqual({ kind: 'open', text: 'Ask Support for sign-off', target: 'readiness' });
    const two = with_(['sign_offs'], (x) => {
      x.signOffs.given = [{ kind: 'sales', ready: true }];
    });
    expect(nextStep(two).text).toBe(
      'Collect 2 readiness sign-offs (Support, Product Ops (training session))',
    );
  });

  it('asks to resolve a "not ready" answer before collecting the rest', () => {
    const i = with_(['sign_offs'], (x) => {
      x.signOffs.given = [{ kind: 'sales', ready: false }];
    });
    expect(nextStep(i).text).toBe('Resolve what Sales said is not ready');
  });

  it('asks to publish the final bundle once it is distributed and signed off', () => {
    const i = with_(['lead_time', 'decision'], (x) => {
      x.bundle.publishedOn = null;
    });
    expect(nextStep(i, day)).toEqual({
      kind: 'open',
      text: 'Publish the final bundle (due day 2027-01-18)',
      target: 'bundle',
    });
  });

  it('points at the lead time when the bundle went out late for this date', () => {
    expect(nextStep(with_(['lead_time']), day)).toEqual({
      kind: 'open',
      text: 'Move the launch date (day 2027-02-08 at the earliest) or ask for an override: the bundle was late',
      target: 'lead-time',
    });
  });

  it('asks for the go/no-go decision, or for a new one after a hold or a delay', () => {
    expect(
      nextStep(
        with_(['decision'], (x) => {
          x.decision = null;
        }),
      ),
    ).toEqual({
      kind: 'open',
      text: 'Record the go/no-go decision',
      target: 'decision',
    });
    const hold = with_(['decision'], (x) => {
      x.decision = { decision: 'hold' };
    });
    expect(nextStep(hold).text).toBe('Lift the hold: record a new go/no-go decision');
    const delay = with_(['decision'], (x) => {
      x.decision = { decision: 'delay' };
    });
    expect(nextStep(delay).text).toBe('Record a new go/no-go decision after the delay');
  });

  it('counts the other open gate items (Polish Mode and the like)', () => {
    expect(nextStep(with_(['polish_mode']))).toEqual({
      kind: 'open',
      text: 'Fix 1 open gate item',
      target: 'gate',
    });
    // A check's own step has nothing to do (sections counted 0): the gate still says what fails.
    expect(nextStep(with_(['sections', 'polish_mode'])).text).toBe('Fix 2 open gate items');
  });

  it('never offers "Mark launched" while the gate has open items, nor before the launch day', () => {
    for (const failing of CHECKS.map((c) => [c])) {
      const i = with_(failing, (x) => {
        x.today = '2027-01-25';
      });
      expect(nextStep(i).kind).not.toBe('launch');
    }
    expect(nextStep(base(), day)).toEqual({
      kind: 'wait',
      text: 'Ready: launch on day 2027-01-25',
      target: 'gate',
    });
  });

  it('offers "Mark launched" once the gate passes and the launch day has come', () => {
    const i = base();
    i.today = '2027-01-25';
    expect(nextStep(i)).toEqual({ kind: 'launch', text: 'Mark launched', target: 'overview' });
    i.today = '2027-01-27';
    expect(nextStep(i).kind).toBe('launch');
  });

  it('falls back to the gate when it is not ready though every check passes', () => {
    const i = base();
    i.gate.ready = false;
    expect(nextStep(i)).toEqual({ kind: 'open', text: 'Fix the open gate items', target: 'gate' });
  });

  it('asks to re-plan a rolled-back release', () => {
    const i = with_(['status'], (x) => {
      x.release.status = 'rolled_back';
    });
    expect(nextStep(i)).toEqual({
      kind: 'open',
      text: 'Re-plan the release: set a new launch date',
      target: 'overview',
    });
  });

  it('after launch, asks for the earliest unanswered post-launch check, then is done', () => {
    const i = base();
    i.release.status = 'launched';
    i.postLaunch = [
      { kind: 'day14', dueOn: '2027-02-12', completedAt: null },
      { kind: 'day3', dueOn: '2027-01-28', completedAt: null },
    ];
    expect(nextStep(i, day)).toEqual({
      kind: 'open',
      text: 'Write the Day 3 check-in (due day 2027-01-28)',
      target: 'post-launch',
    });
    i.postLaunch[1]!.completedAt = '2027-01-28T10:00:00Z';
    expect(nextStep(i, day).text).toBe(
      'Write the Day 14 retro (the post-launch review) (due day 2027-02-12)',
    );
    i.postLaunch[0]!.completedAt = '2027-02-12T10:00:00Z';
    expect(nextStep(i)).toEqual({
      kind: 'done',
      text: 'Launched and reviewed: nothing left to do',
      target: 'post-launch',
    });
  });
});
