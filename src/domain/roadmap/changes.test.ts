import { describe, expect, it } from 'vitest';
import type { TRoadmapItemState, TRoadmapView } from '../../shared/roadmap.ts';
import { buildAgenda, minutesPerArea, PACK_AGENDA } from './agenda.ts';
import { brokenDependencies, diffRoadmap, movedDays } from './changes.ts';
import { renderView } from './view.ts';

const AREA = '00000000-0000-4000-8000-00000000000a';
const OTHER = '00000000-0000-4000-8000-00000000000b';
const state = (over: Partial<TRoadmapItemState> = {}): TRoadmapItemState => ({
  title: 'Usage billing',
  summary: 'Pay for what you use',
  customerNote: '',
  areaId: AREA,
  status: 'planned',
  confidence: 'high',
  earliest: '2026-12-01',
  latest: '2027-01-31',
  visibility: 'stakeholders',
  dependsOn: [],
  releaseIds: [],
  themes: [],
  ...over,
});
const kinds = (before: [string, TRoadmapItemState][], after: [string, TRoadmapItemState][]) =>
  diffRoadmap(new Map(before), new Map(after)).map((c) => c.kind);

describe('what changed', () => {
  it('finds each kind of change', () => {
    const a = state();
    expect(kinds([], [['a', a]])).toEqual(['added']);
    expect(kinds([['a', a]], [['a', { ...a, status: 'dropped' }]])).toEqual(['dropped']);
    expect(kinds([['a', a]], [])).toEqual(['dropped']);
    expect(kinds([['a', a]], [['a', { ...a, latest: '2027-04-14' }]])).toEqual(['moved_quarter', 'slipped']);
    expect(kinds([['a', a]], [['a', { ...a, latest: '2027-01-10' }]])).toEqual(['pulled_in']);
    expect(kinds([['a', a]], [['a', { ...a, earliest: '2026-12-15' }]])).toEqual(['slipped']);
    expect(kinds([['a', a]], [['a', { ...a, status: 'in_progress' }]])).toEqual(['status']);
    expect(kinds([['a', a]], [['a', { ...a, confidence: 'low' }]])).toEqual(['confidence']);
    expect(kinds([['a', a]], [['a', { ...a, areaId: OTHER }]])).toEqual(['area']);
    expect(kinds([['a', a]], [['a', { ...a, visibility: 'internal' }]])).toEqual(['visibility']);
    expect(kinds([['a', a]], [['a', { ...a, summary: 'New words' }]])).toEqual(['wording']);
    expect(kinds([['a', a]], [['a', a]])).toEqual([]);
    // A dropped item coming back is a status change; a new item added already dropped is nothing.
    expect(kinds([['a', { ...a, status: 'dropped' }]], [['a', a]])).toEqual(['status']);
    expect(kinds([], [['a', { ...a, status: 'dropped' }]])).toEqual([]);
  });

  it('says by how much a range slipped, in days and in words', () => {
    const [slip] = diffRoadmap(
      new Map([['a', state()]]),
      new Map([['a', state({ latest: '2027-01-21', earliest: '2026-12-20' })]]),
    );
    expect(slip).toMatchObject({
      kind: 'pulled_in',
      days: -10,
      from: 'Early Dec 2026 – late Jan 2027',
      to: 'Mid Dec 2026 – late Jan 2027',
    });
    expect(slip!.text).toBe(
      'Usage billing pulled in 10 days: Early Dec 2026 – late Jan 2027 → Mid Dec 2026 – late Jan 2027',
    );
  });

  it('reports new, removed and newly broken dependencies once', () => {
    const dep = state({ title: 'Tax engine', latest: '2027-01-15' });
    const before = new Map([
      ['dep', dep],
      ['a', state()],
    ]);
    const added = new Map([
      ['dep', dep],
      ['a', state({ dependsOn: ['dep'] })],
    ]);
    expect(diffRoadmap(before, added).map((c) => c.text)).toEqual([
      'Usage billing now depends on Tax engine',
    ]);
    const slipped = new Map([
      ['dep', { ...dep, latest: '2027-02-15' }],
      ['a', state({ dependsOn: ['dep'] })],
    ]);
    expect(brokenDependencies('a', slipped)).toEqual(['dep']);
    const changes = diffRoadmap(added, slipped);
    expect(changes.map((c) => c.kind)).toEqual(['slipped', 'dependency_broken']);
    expect(changes[1]).toMatchObject({ itemId: 'a', otherItemId: 'dep' });
    // Already broken before: not news.
    expect(diffRoadmap(slipped, slipped)).toEqual([]);
    const dropped = new Map([
      ['dep', { ...dep, status: 'dropped' as const }],
      ['a', state({ dependsOn: ['dep'] })],
    ]);
    expect(diffRoadmap(added, dropped).map((c) => c.text)).toEqual([
      'Tax engine dropped',
      'Usage billing depends on Tax engine, which was dropped',
    ]);
    expect(
      kinds(
        [...added],
        [
          ['dep', dep],
          ['a', state()],
        ],
      ),
    ).toEqual(['dependency_removed']);
  });

  it('measures moves by the end that moved most', () => {
    expect(
      movedDays(
        { earliest: '2026-12-01', latest: '2027-01-31' },
        { earliest: '2026-12-03', latest: '2027-01-10' },
      ),
    ).toBe(21);
  });
});

describe('the review agenda', () => {
  const areas = [
    { areaId: AREA, areaName: 'Billing', pmName: 'Maya' },
    { areaId: OTHER, areaName: 'Growth', pmName: null },
  ];
  it("keeps the pack's time boxes and gives each changed area 2–3 minutes", () => {
    const changes = diffRoadmap(new Map([['a', state()]]), new Map([['a', state({ latest: '2027-03-31' })]]));
    const agenda = buildAgenda({
      ritualAgenda: PACK_AGENDA,
      sinceLabel: 'the last review',
      changes,
      areas,
      dueDecisions: [
        { number: 3, title: 'Annual plans only', nextReviewDate: '2026-11-20', ownerName: 'Maya' },
      ],
      recordedDecisions: [],
      crossAreaThemes: [{ label: 'Onboarding', areas: ['Billing', 'Growth'] }],
      toleranceDays: 14,
    });
    expect(agenda.map((s) => s.minutes)).toEqual([5, 25, 10, 5]);
    expect(agenda[0]!.lines).toEqual([
      '1 item changed since the last review: 1 slipped.',
      'Insights theme "Onboarding" spans Billing, Growth',
    ]);
    expect(agenda[1]!.lines).toEqual([
      'Billing — Maya (3 min): Usage billing slipped 59 days: Early Dec 2026 – late Jan 2027 → Early Dec 2026 – late Mar 2027',
    ]);
    expect(agenda[2]!.lines).toContain('Revisit #3 Annual plans only (Maya; review date 2026-11-20)');
    expect(
      agenda[2]!.lines.some((l) => l.startsWith('Stakeholders need to know: Usage billing slipped 59 days')),
    ).toBe(true);
    const internal = buildAgenda({
      ritualAgenda: PACK_AGENDA,
      sinceLabel: 'the last review',
      changes,
      areas,
      dueDecisions: [],
      recordedDecisions: [],
      crossAreaThemes: [],
      toleranceDays: 14,
      internalItemIds: new Set(['a']),
    });
    expect(internal[2]!.lines.some((l) => l.startsWith('Stakeholders need to know'))).toBe(false);
    expect(minutesPerArea(25, 8)).toBe(3);
    expect(minutesPerArea(25, 10)).toBe(2.5);
    expect(minutesPerArea(25, 0)).toBe(0);
  });

  it('uses the pack agenda when the ritual was given another shape', () => {
    const agenda = buildAgenda({
      ritualAgenda: [{ minutes: 45, item: 'Everything' }],
      sinceLabel: 'the start',
      changes: [],
      areas,
      dueDecisions: [],
      recordedDecisions: [],
      crossAreaThemes: [],
      toleranceDays: 14,
    });
    expect(agenda.map((s) => s.title)).toEqual(PACK_AGENDA.map((a) => a.item));
    expect(agenda[1]!.lines).toEqual(['No area has changes to walk through.']);
  });
});

describe('audience views', () => {
  const view: TRoadmapView = {
    orgName: 'Acme',
    asOf: '2026-11-25',
    quarters: [
      { label: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' },
      { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
    ],
    items: [
      {
        ...state(),
        id: 'a',
        areaName: 'Billing',
        rangeText: 'Early Dec 2026 – late Jan 2027',
        quarters: 'Q4 2026 – Q1 2027',
        customerNote: 'Usage pricing is coming this winter',
        dependsOn: [],
        releases: [
          {
            id: 'r',
            title: 'Usage billing GA',
            tier: 3,
            status: 'planned',
            distributedOn: '2026-11-20',
            publishedOn: null,
            readiness: [
              { kind: 'support', done: true },
              { kind: 'sales', done: false },
            ],
          },
        ],
        themes: [{ key: 'pricing', label: 'Pricing', volume: 42 }],
      },
      {
        ...state({ title: 'Smart dunning', confidence: 'low', earliest: '2027-02-01', latest: '2027-03-15' }),
        id: 'b',
        areaName: 'Billing',
        rangeText: 'Early Feb – mid Mar 2027',
        quarters: 'Q1 2027',
        dependsOn: [],
        releases: [],
        themes: [],
      },
    ],
    decisions: [
      {
        number: 2,
        title: 'Ship after the tax vendor',
        decidedOn: '2026-11-24',
        rationale: 'Tax errors cost more',
      },
    ],
  };

  it('gives each audience what it needs from the same view', () => {
    const all = renderView(view);
    expect(all).toContain('## Q4 2026 (this quarter)');
    expect(all).toContain('## Q1 2027 (next quarter)\n\n### Smart dunning');
    expect(all).not.toMatch(/\b2026-12-01\b/);
    const sales = renderView(view, 'sales');
    expect(sales).toContain('What you can say: Usage pricing is coming this winter');
    expect(sales).toContain('Do not commit to customers: low confidence');
    expect(sales).toContain('*Billing · Q1 2027*');
    const support = renderView(view, 'support');
    expect(support).toContain(
      '- Usage billing GA: Tier 3, bundle distributed 2026-11-20, not yet published; Support ready ✓, Sales ready ✗',
    );
    expect(support).toContain('- No release linked yet: no enablement planned.');
    expect(renderView(view, 'cs')).toContain('Addresses: Pricing (42 items in 90 days)');
    const exec = renderView(view, 'exec');
    expect(exec).toContain('| Billing | 2 | 1 | 0 | 1 |');
    expect(exec).toContain('- Smart dunning (Billing, Early Feb – mid Mar 2027)');
    expect(exec).toContain('- #2 Ship after the tax vendor (2026-11-24): Tax errors cost more');
  });
});
