import { describe, expect, it } from 'vitest';
import type { TLeadTime } from '../../shared/release-detail.ts';
import type { TRelease } from '../../shared/releases.ts';
import { launchDateAdvice, leadTimeState } from './lead-time.ts';

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

describe('the new-release form’s lead-time advice', () => {
  const lt = (over: Partial<TLeadTime>): TLeadTime => ({
    tier: 3,
    launch: '2027-01-14',
    today: '2027-01-11',
    distributeBy: '2026-12-24',
    publishBy: '2027-01-07',
    deadlines: [
      { kind: 'distribute', due: '2026-12-24', status: 'missed', doneOn: null, businessDaysLeft: -10 },
      { kind: 'publish', due: '2027-01-07', status: 'missed', doneOn: null, businessDaysLeft: -2 },
    ],
    canMeet: false,
    late: ['…'],
    earliestCompliantLaunch: '2027-02-01',
    ...over,
  });

  it('warns about a launch too soon for the tier, with the dates and the earliest compliant launch', () => {
    expect(launchDateAdvice(lt({}), 'Tier 3 (High)')).toEqual({
      tone: 'warn',
      lines: [
        'Too soon for Tier 3 (High): the bundle could not go out in time for a launch on Thu 14 Jan 2027.',
        'Distribute the bundle to Support & Sales by Thu 24 Dec 2026 (already passed); publish the final bundle by Thu 7 Jan 2027 (already passed).',
        'The earliest launch that respects the lead times is Mon 1 Feb 2027.',
      ],
    });
  });

  it('says a compliant date respects the lead times, with the business days left', () => {
    const ok = lt({
      launch: '2027-02-15',
      distributeBy: '2027-02-01',
      publishBy: '2027-02-11',
      deadlines: [
        { kind: 'distribute', due: '2027-02-01', status: 'open', doneOn: null, businessDaysLeft: 15 },
        { kind: 'publish', due: '2027-02-11', status: 'open', doneOn: null, businessDaysLeft: 23 },
      ],
      canMeet: true,
      late: [],
    });
    expect(launchDateAdvice(ok, 'Tier 3 (High)')).toEqual({
      tone: 'ok',
      lines: [
        'Respects the lead times of Tier 3 (High).',
        'Distribute the bundle to Support & Sales by Mon 1 Feb 2027 (in 15 business days); publish the final bundle by Thu 11 Feb 2027 (in 23 business days).',
      ],
    });
  });

  it('needs no dates for a tier without a bundle, and warns about a date in the past', () => {
    const none = lt({ tier: 1, distributeBy: null, publishBy: null, canMeet: true });
    expect(launchDateAdvice(none, 'Tier 1 (Low)').tone).toBe('ok');
    expect(launchDateAdvice(none, 'Tier 1 (Low)').lines[0]).toMatch(
      /^Tier 1 \(Low\) needs no enablement bundle/,
    );
    expect(launchDateAdvice(lt({ launch: '2027-01-08' }), 'Tier 3 (High)')).toEqual({
      tone: 'warn',
      lines: ['The launch date Fri 8 Jan 2027 is in the past.'],
    });
  });
});
