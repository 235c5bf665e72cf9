import { describe, expect, it } from 'vitest';
import type { TDecisionLogEntry } from '../../shared/decisions.ts';
import { DEFAULT_REVIEW_DAYS, draftFrom, draftToInput, emptyDraft } from './decision-draft.ts';

describe('the decision form’s draft', () => {
  it('starts today, owned by the recorder, reviewed a quarter later, with the links asked for', () => {
    const d = emptyDraft('2026-11-21', 'me', { roadmapItemIds: ['i1'] });
    expect(d).toMatchObject({
      decidedOn: '2026-11-21',
      ownerId: 'me',
      options: ['', ''],
      roadmapItemIds: ['i1'],
    });
    expect(d.reviewDate).toBe('2027-02-20');
    expect(DEFAULT_REVIEW_DAYS).toBe(91);
  });

  it('sends no blank options, no empty link lists, and the review occurrence when there is one', () => {
    const d = { ...emptyDraft('2026-11-21', 'me'), decidedOn: '', options: ['A', ' ', 'B', ''] };
    const body = draftToInput(d, 'occ');
    expect(body.options).toEqual(['A', 'B']);
    expect(body.occurrenceId).toBe('occ');
    for (const key of ['decidedOn', 'roadmapItemIds', 'releaseIds', 'themes'])
      expect(body).not.toHaveProperty(key);
    expect(draftToInput(d)).not.toHaveProperty('occurrenceId');
  });

  it('starts a replacement as a copy of the superseded entry, decided today', () => {
    const entry = {
      title: 'Opt-in checklist',
      context: 'Testers',
      options: ['Opt-in', 'Always'],
      rationale: 'Less pushy',
      ownerId: 'leo',
      roadmapItems: [{ id: 'i1', title: 'Checklist' }],
      releases: [{ id: 'r1', title: 'Release' }],
      themes: [{ key: 'onboarding', label: 'Onboarding' }],
    } as TDecisionLogEntry;
    const d = draftFrom(entry, '2026-11-21');
    expect(d).toMatchObject({
      decidedOn: '2026-11-21',
      title: 'Opt-in checklist',
      options: ['Opt-in', 'Always'],
      ownerId: 'leo',
      roadmapItemIds: ['i1'],
      releaseIds: ['r1'],
      themes: ['onboarding'],
    });
    d.options.push('x');
    expect(entry.options).toHaveLength(2);
  });
});
