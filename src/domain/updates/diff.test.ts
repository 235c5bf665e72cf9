import { describe, expect, it } from 'vitest';
import { describeChanges, quote } from './diff.ts';
import type { ReleaseForHighlights } from './highlights.ts';
import { crossCuttingRisks } from './highlights.ts';
import type { AreaUpdateInput, WeeklyUpdateJson } from './render.ts';
import { renderWeeklyUpdate } from './render.ts';

const pdfs: ReleaseForHighlights = {
  id: 'r1',
  title: 'Invoice PDFs',
  areaName: 'Billing',
  tier: 3,
  targetDate: '2026-11-19',
  status: 'planned',
};
const dunning: ReleaseForHighlights = {
  ...pdfs,
  id: 'r2',
  title: 'Dunning emails',
  tier: 2,
  targetDate: '2026-12-03',
};
const taxIds: ReleaseForHighlights = {
  ...pdfs,
  id: 'r3',
  title: 'Tax IDs',
  tier: 1,
  targetDate: '2026-11-30',
};

const billing: AreaUpdateInput = {
  areaName: 'Billing',
  pmName: 'Ana Ruiz',
  update: {
    wins: ['Invoice PDFs GA', 'Dunning to 10%'],
    next: ['Pricing beta'],
    risks: [],
    metrics: [],
    links: [],
  },
  late: false,
  absent: false,
};
const search: AreaUpdateInput = {
  areaName: 'Search',
  pmName: 'Bo Chen',
  update: null,
  late: false,
  absent: false,
};

function version(
  areas: AreaUpdateInput[],
  keyLaunches: ReleaseForHighlights[],
  upcoming: ReleaseForHighlights[],
): WeeklyUpdateJson {
  const highlights = { keyLaunches, upcoming, held: [], risks: crossCuttingRisks(areas) };
  return renderWeeklyUpdate({ dateLabel: '2026-11-19', highlights, areas }).json;
}

const v1 = version([billing, search], [pdfs], [dunning, taxIds]);

describe('describeChanges', () => {
  it('is empty when nothing changed', () => {
    expect(describeChanges(v1, version([billing, search], [pdfs], [dunning, taxIds]))).toEqual([]);
  });

  it('reports launches that left the window, arrived, moved between lists or changed', () => {
    const moved = { ...taxIds, targetDate: '2026-11-20' };
    const v2 = version([billing, search], [{ ...pdfs, tier: 2, title: 'Invoice PDF export' }, moved], []);
    expect(describeChanges(v1, v2)).toEqual([
      'Key launches this week: Invoice PDF export — renamed from Invoice PDFs, Tier 3 → 2',
      'Key launches this week: added Tax IDs (Billing, Tier 1, 2026-11-20)',
      'Upcoming launches: removed Dunning emails (moved out of the window)',
      'Upcoming launches: removed Tax IDs (now a key launch this week)',
    ]);
    const later = version([billing, search], [pdfs], [dunning, { ...taxIds, targetDate: '2026-12-01' }]);
    expect(describeChanges(v1, later)).toEqual(['Upcoming launches: Tax IDs — date 2026-11-30 → 2026-12-01']);
  });

  it('reports item edits per area and section, one "changed" when one item was replaced', () => {
    const edited: AreaUpdateInput = {
      ...billing,
      update: {
        wins: ['Invoice PDFs GA', 'Dunning to 25%'],
        next: [],
        risks: [],
        metrics: ['NPS 41', 'Churn 1.2%'],
        links: [],
      },
    };
    expect(describeChanges(v1, version([edited, search], [pdfs], [dunning, taxIds]))).toEqual([
      'Billing — Wins / shipped: changed Dunning to 10% → Dunning to 25%',
      "Billing — What's next: removed Pricing beta",
      'Billing — Metrics snapshot: added NPS 41',
      'Billing — Metrics snapshot: added Churn 1.2%',
    ]);
  });

  it('reports a late submission and an absence, and does not repeat area risks as cross-cutting ones', () => {
    const submitted: AreaUpdateInput = {
      ...search,
      update: {
        wins: ['Typo tolerance'],
        next: [],
        risks: ['Index rebuild needs SRE'],
        metrics: [],
        links: [],
      },
      late: true,
    };
    const risky: AreaUpdateInput = { ...billing, update: { ...billing.update!, risks: ['Tax API'] } };
    const absentBilling: AreaUpdateInput = { ...billing, update: null, absent: true };
    expect(describeChanges(v1, version([risky, submitted], [pdfs], [dunning, taxIds]))).toEqual([
      'Billing — Risks / asks: added Tax API',
      'Search — update submitted late (was missing)',
    ]);
    expect(describeChanges(v1, version([absentBilling, search], [pdfs], [dunning, taxIds]))).toEqual([
      'Billing — now absent (was submitted)',
    ]);
  });

  it('reports cross-cutting risks changed in the highlights alone, and areas added, removed or reassigned', () => {
    const v2 = version([{ ...billing, pmName: 'Ana Ruiz-Ortega' }], [pdfs], [dunning, taxIds]);
    v2.highlights.crossCuttingRisks.push({
      areaName: 'Platform',
      pmName: 'Product Ops',
      text: 'Freeze 12-20',
      index: 0,
    });
    v2.areas.push({ areaName: 'Mobile', pmName: 'Di', status: 'missing', late: false, update: null });
    expect(describeChanges(v1, v2)).toEqual([
      'Cross-cutting risks: added Freeze 12-20 (Platform)',
      'Billing — PM: Ana Ruiz → Ana Ruiz-Ortega',
      'Mobile — added to the update (missing)',
      'Search — removed from the update',
    ]);
  });

  it('keeps each change on one short line', () => {
    expect(quote(`a\n  b ${'x'.repeat(200)}`)).toHaveLength(100);
    expect(quote('a\n  b')).toBe('a b');
  });
});
