import { makePod } from '../../../test/factories.ts';
import {
  CALLERS,
  type Call,
  intoOwnArea,
  manager,
  managersOnly,
  type Spec,
  WHERE,
} from './privileges-cases.fixture.ts';
import type { World } from './privileges-world.fixture.ts';

/**
 * The security matrix's records that live in an area (privileges.test.ts): releases, pods, roadmap items,
 * insights and the themes routed to areas, review actions. A PM writes them only into an area of theirs.
 */
export const recordSpecs = (w: World): Record<string, Spec> => ({
  'POST /api/v1/releases': {
    fields: ['areaId', 'pmOwnerId', 'engOwnerId'],
    calls: () => [
      ...w.areaCreates('/api/v1/releases', () => ({ title: 'New', targetDate: '2027-06-01' })),
      ...CALLERS.map(
        (who): Call => ({
          label: `${who} creates one in their area for another PM and an engineer`,
          who,
          method: 'POST',
          url: () => '/api/v1/releases',
          body: () => ({
            title: 'Handed',
            targetDate: '2027-06-01',
            areaId: w.area.own,
            pmOwnerId: w.otherPm,
            engOwnerId: w.engineerId,
          }),
          expect: intoOwnArea(who, null, 'own'),
        }),
      ),
    ],
  },
  'PATCH /api/v1/releases/:id': {
    fields: ['areaId', 'pmOwnerId', 'engOwnerId'],
    calls: () => [
      ...w.areaMoves('PATCH', '/api/v1/releases', w.release),
      ...CALLERS.flatMap((who) =>
        WHERE.flatMap((record): Call[] => [
          {
            label: `${who} hands a release in ${record} area to another PM`,
            who,
            method: 'PATCH',
            url: async () => `/api/v1/releases/${await w.release(record)}`,
            body: () => ({ pmOwnerId: w.otherPm }),
            expect: intoOwnArea(who, record, 'own'),
          },
          {
            label: `${who} names the eng owner of a release in ${record} area`,
            who,
            method: 'PATCH',
            url: async () => `/api/v1/releases/${await w.release(record)}`,
            body: () => ({ engOwnerId: w.engineerId }),
            expect: intoOwnArea(who, record, 'own'),
          },
        ]),
      ),
    ],
  },
  'POST /api/v1/pods': {
    fields: ['areaId'],
    calls: () => w.areaCreates('/api/v1/pods', () => ({ slug: `p-${w.uid()}`, name: 'Pod' }), managersOnly),
  },
  'PATCH /api/v1/pods/:id': {
    fields: ['areaId'],
    calls: () =>
      w.areaMoves(
        'PATCH',
        '/api/v1/pods',
        async (where) => (await makePod(w.db, { areaId: w.area[where] })).id,
      ),
  },
  'POST /api/v1/roadmap/items': {
    fields: ['areaId'],
    calls: () =>
      w.areaCreates('/api/v1/roadmap/items', () => ({
        title: 'New',
        summary: 'A thing',
        confidence: 'low',
        earliest: '2027-01-01',
        latest: '2027-03-31',
      })),
  },
  'PATCH /api/v1/roadmap/items/:id': {
    fields: ['areaId'],
    calls: () => w.areaMoves('PATCH', '/api/v1/roadmap/items', w.item, { note: 'Moved' }),
  },
  // Tag corrections are triage: a PM may hand an item to any area, but only from their own or nobody's.
  'PATCH /api/v1/insights/:id': {
    fields: ['areaId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.flatMap((record) =>
          WHERE.map(
            (target): Call => ({
              label: `${who} re-tags an item of ${record} area to ${target} area`,
              who,
              method: 'PATCH',
              url: async () => `/api/v1/insights/${await w.insight(record)}`,
              body: () => ({ areaId: w.area[target] }),
              expect: manager(who) || (who === 'pm' && record !== 'other') ? 'allowed' : 'denied',
            }),
          ),
        ),
      ),
  },
  // Giving a theme an owner is Product Ops' job (and up): no PM hands themes to themselves or others.
  'POST /api/v1/insights/routings/:id/assign': {
    fields: ['areaId', 'ownerId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.map(
          (target): Call => ({
            label: `${who} assigns a theme nobody owns to ${target} area`,
            who,
            method: 'POST',
            url: async () => `/api/v1/insights/routings/${await w.unownedRouting()}/assign`,
            body: () => ({ areaId: w.area[target], ownerId: w.ownerOfWhere(target) ?? undefined }),
            expect: managersOnly(who),
          }),
        ),
      ),
  },
  'POST /api/v1/roadmap/reviews/:occurrenceId/actions': {
    fields: ['ownerId', 'areaId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.map(
          (target): Call => ({
            label: `${who} assigns a review action in ${target} area`,
            who,
            method: 'POST',
            url: async () => `/api/v1/roadmap/reviews/${await w.startedReview()}/actions`,
            body: () => ({ title: 'Follow up', ownerId: w.otherPm, areaId: w.area[target] }),
            expect: managersOnly(who),
          }),
        ),
      ),
  },
});
