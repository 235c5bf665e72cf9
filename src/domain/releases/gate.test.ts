import { describe, expect, it } from 'vitest';
import { LITE_SECTIONS } from './bundle.ts';
import { context, failing, readyTier3, type Scenario, SHIP } from './gate.fixture.ts';
import { DEFAULT_GATE_CHECKS, evaluateGate, type GateCheck, type GateContext } from './gate.ts';

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
