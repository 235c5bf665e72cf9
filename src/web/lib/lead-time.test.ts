import { describe, expect, it } from 'vitest';
import type { TRelease } from '../../shared/releases.ts';
import { leadTimeState } from './lead-time.ts';

describe('the lead-time line of the releases table', () => {
  it('names the next deadline, or what was late', () => {
    const r: TRelease = {
      id: 'r',
      title: 'T',
      areaId: null,
      areaName: null,
      pmOwnerId: null,
      pmOwnerName: null,
      engOwnerId: null,
      engOwnerName: null,
      tier: 3,
      targetDate: '2026-03-16',
      status: 'planned',
      attributes: [],
      suggestedTier: 3,
      suggestedReason: null,
      tierReason: null,
      tierReview: null,
      launchedOn: null,
      distributedOn: null,
      publishedOn: null,
      distributeBy: '2026-03-02',
      publishBy: '2026-03-12',
      permissions: { update: false, delete: false },
      when: { exact: true, text: '16 Mar 2026' },
    };
    expect(leadTimeState(r, '2026-02-20').text).toBe('Distribute by Mon 2 Mar 2026');
    expect(leadTimeState(r, '2026-03-03')).toEqual({
      text: 'Distribute was due Mon 2 Mar 2026',
      tone: 'danger',
    });
    expect(leadTimeState({ ...r, distributedOn: '2026-03-02' }, '2026-03-03').text).toBe(
      'Publish by Thu 12 Mar 2026',
    );
    expect(
      leadTimeState({ ...r, distributedOn: '2026-03-02', publishedOn: '2026-03-10' }, '2026-03-11').tone,
    ).toBe('ok');
    expect(leadTimeState({ ...r, tier: 1, distributeBy: null, publishBy: null }, '2026-03-11').text).toBe(
      'No bundle needed',
    );
  });
});
