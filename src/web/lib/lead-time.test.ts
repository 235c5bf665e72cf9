import { describe, expect, it } from 'vitest';
import { businessDaysBefore as domainBefore } from '../../domain/cadence/business-days.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import type { Release } from '../api-releases.ts';
import { businessDaysBefore, leadTimeState } from './lead-time.ts';
import { addDays } from './org-time.ts';

const holidays = [
  { date: '2026-11-26', name: 'Thanksgiving' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2027-01-01', name: "New Year's Day" },
];

describe('bundle deadlines in the browser', () => {
  it('counts business days back exactly as the domain does', () => {
    for (const workWeek of [
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4],
      [7, 1, 2, 3, 4],
    ]) {
      for (let i = 0; i < 60; i += 1) {
        const date = addDays('2026-11-15', i);
        for (const n of [0, 1, 2, 5, 10]) {
          expect(businessDaysBefore(date, n, { workWeek, holidays })).toBe(
            domainBefore(date, n, workWeek, holidays),
          );
        }
      }
    }
  });

  it('names the next deadline, or what was late', () => {
    const r: Release = {
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
      launchedOn: null,
      distributedOn: null,
      publishedOn: null,
      permissions: { update: false, delete: false },
    };
    const s = DEFAULT_SETTINGS;
    expect(leadTimeState(r, s, '2026-02-20').text).toBe('Distribute by Mon 2 Mar 2026');
    expect(leadTimeState(r, s, '2026-03-03')).toEqual({
      text: 'Distribute was due Mon 2 Mar 2026',
      tone: 'danger',
    });
    expect(leadTimeState({ ...r, distributedOn: '2026-03-02' }, s, '2026-03-03').text).toBe(
      'Publish by Thu 12 Mar 2026',
    );
    expect(
      leadTimeState({ ...r, distributedOn: '2026-03-02', publishedOn: '2026-03-10' }, s, '2026-03-11').tone,
    ).toBe('ok');
    expect(leadTimeState({ ...r, tier: 1 }, s, '2026-03-11').text).toBe('No bundle needed');
  });
});
