import { decisionTemplate } from '../policies/authorization-decisions.fixture.ts';
import type { BadCase } from './validation-releases-insights.fixture.ts';

/**
 * Bad input for the decision log's write routes (validation.test.ts); `ids.decision`: an active decision,
 * `ids.pm1`: an active person.
 */
export function decisionBadCases(ids: { decision: string; pm1: string }): Record<string, BadCase[]> {
  return {
    'POST /api/v1/decisions': [
      {
        name: 'no field of the template',
        body: {},
        fields: ['title', 'context', 'options', 'rationale', 'ownerId', 'reviewDate'],
      },
      {
        name: 'review date before the decision, links that do not exist',
        body: {
          ...decisionTemplate(ids.pm1),
          decidedOn: '2026-10-01',
          reviewDate: '2026-09-01',
          roadmapItemIds: [crypto.randomUUID()],
          themes: ['vibes'],
        },
        fields: ['reviewDate', 'roadmapItemIds.0', 'themes.0'],
      },
    ],
    'POST /api/v1/decisions/:id/revisit': [
      {
        name: 'kept without a note or a next review date',
        url: `/api/v1/decisions/${ids.decision}/revisit`,
        body: { outcome: 'kept', note: '' },
        fields: ['note', 'nextReviewDate'],
      },
      {
        name: 'superseded by a replacement with no owner',
        url: `/api/v1/decisions/${ids.decision}/revisit`,
        body: {
          outcome: 'superseded',
          note: 'Changed',
          replacement: { ...decisionTemplate(ids.pm1), ownerId: 'x' },
        },
        fields: ['replacement.ownerId'],
      },
    ],
  };
}
