import type { Db } from '../../db/client.ts';
import { systemActor } from '../../services/actor.ts';
import { createSubscription } from '../../services/delivery/subscriptions.ts';
import { createRoadmapItem } from '../../services/roadmap/item-writes.ts';
import type { BadCase } from './validation-releases-insights.fixture.ts';

/** Bad input for the roadmap (C4) write routes (URLs: ITEM is a roadmap item, SUBSCRIPTION a roadmap subscription). */
export function roadmapCases(ids: { area: string; item: string }): Record<string, BadCase[]> {
  const item = { title: 'Usage billing', summary: 'Pay for use', areaId: ids.area, confidence: 'high' };
  return {
    'POST /api/v1/roadmap/items': [
      {
        name: 'empty title and summary, unknown confidence, impossible date',
        url: '/api/v1/roadmap/items',
        body: {
          ...item,
          title: '',
          summary: '',
          confidence: 'certain',
          earliest: '2026-02-30',
          latest: '2026-03-01',
        },
        fields: ['title', 'summary', 'confidence', 'earliest'],
      },
      {
        name: 'a range that ends before it starts',
        url: '/api/v1/roadmap/items',
        body: { ...item, earliest: '2027-02-01', latest: '2027-01-01' },
        fields: ['latest'],
      },
      {
        name: 'unknown dependency, release and theme',
        url: '/api/v1/roadmap/items',
        body: {
          ...item,
          earliest: '2027-01-01',
          latest: '2027-02-01',
          dependsOn: [crypto.randomUUID()],
          releaseIds: [crypto.randomUUID()],
          themes: ['not-a-theme'],
        },
        fields: ['dependsOn', 'releaseIds', 'themes'],
      },
      {
        name: 'unknown area',
        url: '/api/v1/roadmap/items',
        body: { ...item, areaId: crypto.randomUUID(), earliest: '2027-01-01', latest: '2027-02-01' },
        fields: ['areaId'],
      },
    ],
    'PATCH /api/v1/roadmap/items/:id': [
      {
        name: 'latest before the earliest it has',
        url: '/api/v1/roadmap/items/ITEM',
        body: { latest: '2020-01-01' },
        fields: ['latest'],
      },
      {
        name: 'depends on itself',
        url: '/api/v1/roadmap/items/ITEM',
        body: { dependsOn: [ids.item] },
        fields: ['dependsOn'],
      },
      {
        name: 'unknown status and visibility',
        url: '/api/v1/roadmap/items/ITEM',
        body: { status: 'shelved', visibility: 'public' },
        fields: ['status', 'visibility'],
      },
    ],
    'PUT /api/v1/roadmap/items/:id/size': [
      {
        name: 'not in half weeks',
        url: '/api/v1/roadmap/items/ITEM/size',
        body: { engineerWeeks: 1.3 },
        fields: ['engineerWeeks'],
      },
      { name: 'no size', url: '/api/v1/roadmap/items/ITEM/size', body: {}, fields: ['engineerWeeks'] },
    ],
    'POST /api/v1/roadmap/view/publish': [
      {
        name: 'note too long',
        url: '/api/v1/roadmap/view/publish',
        body: { note: 'x'.repeat(1001) },
        fields: ['note'],
      },
    ],
    'POST /api/v1/roadmap/reviews/:occurrenceId/start': [
      { name: 'not an id', url: '/api/v1/roadmap/reviews/abc/start', fields: ['params.occurrenceId'] },
    ],
    'POST /api/v1/roadmap/reviews/:occurrenceId/outcomes': [
      {
        name: 'not an item, unknown outcome',
        url: '/api/v1/roadmap/reviews/OCCURRENCE/outcomes',
        body: { itemId: 'x', outcome: 'maybe' },
        fields: ['itemId', 'outcome'],
      },
      {
        name: 'a rejection without its reason (issue 17: the PM reads it)',
        url: '/api/v1/roadmap/reviews/OCCURRENCE/outcomes',
        body: { itemId: ids.item, outcome: 'rejected', note: '  ' },
        fields: ['note'],
      },
    ],
    'POST /api/v1/roadmap/reviews/:occurrenceId/actions': [
      {
        name: 'no title, not a person',
        url: '/api/v1/roadmap/reviews/OCCURRENCE/actions',
        body: { title: '', ownerId: 'x' },
        fields: ['title', 'ownerId'],
      },
    ],
    'POST /api/v1/roadmap/reviews/:occurrenceId/close': [
      { name: 'not an id', url: '/api/v1/roadmap/reviews/abc/close', fields: ['params.occurrenceId'] },
    ],
    'PATCH /api/v1/subscriptions/:id': [
      {
        name: 'negative tolerance',
        url: '/api/v1/subscriptions/SUBSCRIPTION',
        body: { toleranceDays: -1 },
        fields: ['toleranceDays'],
      },
    ],
  };
}

/** The roadmap item and roadmap subscription those cases write to (the subscription is the PM's). */
export async function roadmapFixtures(db: Db, areaId: string, pmId: string) {
  const item = await createRoadmapItem({
    now: new Date('2026-11-20T12:00:00Z'),
    db,
    actor: systemActor('test'),
    input: {
      title: 'Usage billing',
      summary: 'Pay for use',
      areaId,
      confidence: 'high',
      earliest: '2026-12-01',
      latest: '2027-01-31',
    },
  });
  const sub = await createSubscription({
    db,
    actor: { personId: pmId, label: 'pm', roles: ['pm'] },
    input: { kind: 'roadmap' },
  });
  return { item: item.id, subscription: sub.id };
}
