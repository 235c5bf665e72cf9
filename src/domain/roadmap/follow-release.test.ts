import { describe, expect, it } from 'vitest';
import type { TRoadmapItemState } from '../../shared/roadmap.ts';
import { followRelease, withLaunches } from './follow-release.ts';

const item: TRoadmapItemState = {
  title: 'Salesforce sync v2',
  summary: 'Two-way sync',
  customerNote: '',
  areaId: '00000000-0000-4000-8000-000000000001',
  status: 'planned',
  confidence: 'medium',
  earliest: '2027-01-11',
  latest: '2027-03-15',
  visibility: 'stakeholders',
  dependsOn: [],
  releaseIds: [],
  themes: [],
};
const release = {
  title: 'Salesforce sync v2',
  status: 'planned' as const,
  targetDate: '2027-02-01',
  launchedOn: null,
};

describe('a roadmap item follows its release (issue 13, finding 2)', () => {
  it('agrees already: nothing to change', () => {
    expect(followRelease(item, release)).toEqual({ patch: {}, reasons: [] });
  });

  it('a target date outside the window widens it, and says so', () => {
    expect(followRelease(item, { ...release, targetDate: '2026-12-23' })).toEqual({
      patch: { earliest: '2026-12-23', latest: '2027-03-15' },
      reasons: ['Salesforce sync v2 targets 23 Dec 2026, outside the roadmap window Mid Jan – mid Mar 2027'],
    });
  });

  it('a launch makes the item Shipped, holding the launch day', () => {
    const launched = { ...release, status: 'launched' as const, launchedOn: '2026-11-13' };
    expect(followRelease(item, launched)).toEqual({
      patch: { status: 'shipped', earliest: '2026-11-13', latest: '2027-03-15' },
      reasons: [
        'Salesforce sync v2 launched on 13 Nov 2026, outside the roadmap window Mid Jan – mid Mar 2027',
      ],
    });
    expect(followRelease({ ...item, status: 'shipped', earliest: '2026-11-01' }, launched)).toEqual({
      patch: {},
      reasons: [],
    });
  });

  it('a rolled-back release or a dropped item moves nothing', () => {
    expect(
      followRelease(item, { ...release, status: 'rolled_back', targetDate: '2026-12-01' }).patch,
    ).toEqual({});
    expect(
      followRelease({ ...item, status: 'dropped' }, { ...release, targetDate: '2026-12-01' }).patch,
    ).toEqual({});
  });

  it('stakeholders read a launch at once, but not a moved date', () => {
    const launched = { ...release, status: 'launched' as const, launchedOn: '2026-11-13' };
    expect(withLaunches(item, [launched])).toMatchObject({ status: 'shipped', earliest: '2026-11-13' });
    expect(withLaunches(item, [{ ...release, targetDate: '2026-12-23' }])).toEqual(item);
  });
});
