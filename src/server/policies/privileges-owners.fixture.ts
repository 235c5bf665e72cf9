import { makeArea } from '../../../test/factories.ts';
import { recordDecision } from '../../services/decisions/decisions.ts';
import { decisionTemplate } from './authorization-decisions.fixture.ts';
import {
  CALLERS,
  type Call,
  manager,
  managersOnly,
  peopleChanges,
  peopleCreates,
  type Spec,
  WHERE,
} from './privileges-cases.fixture.ts';
import type { World } from './privileges-world.fixture.ts';

/**
 * The security matrix's owners and people (privileges.test.ts): who owns an area, who owns a decision, and the
 * roles, credentials and switches of people.
 */
export const ownerSpecs = (w: World): Record<string, Spec> => ({
  'POST /api/v1/areas': {
    fields: ['ownerPmId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        (['own', 'other'] as const).map(
          (owner): Call => ({
            label: `${who} creates an area owned by ${owner === 'own' ? 'the PM caller' : 'another PM'}`,
            who,
            method: 'POST',
            url: () => '/api/v1/areas',
            body: () => ({ slug: `a-${w.uid()}`, name: `Area ${w.uid()}`, ownerPmId: w.ownerOfWhere(owner) }),
            expect: managersOnly(who),
          }),
        ),
      ),
  },
  'PATCH /api/v1/areas/:id': {
    fields: ['ownerPmId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        WHERE.flatMap((record) =>
          (['own', 'other'] as const).map(
            (owner): Call => ({
              label: `${who} gives an area (${record}) to ${owner === 'own' ? 'the PM caller' : 'another PM'}`,
              who,
              method: 'PATCH',
              url: async () =>
                `/api/v1/areas/${(await makeArea(w.db, { ownerPmId: w.ownerOfWhere(record) })).id}`,
              body: () => ({ ownerPmId: w.ownerOfWhere(owner) }),
              expect: managersOnly(who),
            }),
          ),
        ),
      ),
  },
  'POST /api/v1/decisions': {
    fields: ['ownerId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        (['self', 'other'] as const).map(
          (owner): Call => ({
            label: `${who} records a decision owned by ${owner === 'self' ? 'themselves' : 'another PM'}`,
            who,
            method: 'POST',
            url: () => '/api/v1/decisions',
            body: () => decisionTemplate(owner === 'self' ? w.callers.get(who)!.id : w.otherPm),
            expect: manager(who) || (who === 'pm' && owner === 'self') ? 'allowed' : 'denied',
          }),
        ),
      ),
  },
  'POST /api/v1/decisions/:id/revisit': {
    fields: ['replacement.ownerId'],
    calls: () =>
      CALLERS.flatMap((who) =>
        (['own', 'other'] as const).flatMap((record) =>
          (['self', 'other'] as const).map(
            (owner): Call => ({
              label: `${who} supersedes a decision of ${record === 'own' ? 'the PM caller' : 'another PM'} with one owned by ${owner}`,
              who,
              method: 'POST',
              url: async () => {
                const ownerId = record === 'own' ? w.callers.get('pm')!.id : w.otherPm;
                const d = await recordDecision({
                  db: w.db,
                  actor: w.actor,
                  input: decisionTemplate(ownerId),
                  now: w.now(),
                });
                return `/api/v1/decisions/${d.id}/revisit`;
              },
              body: () => ({
                outcome: 'superseded',
                note: 'Changed',
                replacement: decisionTemplate(owner === 'self' ? w.callers.get(who)!.id : w.otherPm),
              }),
              expect:
                manager(who) || (who === 'pm' && record === 'own' && owner === 'self') ? 'allowed' : 'denied',
            }),
          ),
        ),
      ),
  },
  'POST /api/v1/people': {
    fields: ['email', 'roles', 'active', 'password'],
    calls: () => peopleCreates(w.uid),
  },
  'PATCH /api/v1/people/:id': {
    fields: ['email', 'roles', 'active', 'password', 'currentPassword'],
    calls: () => peopleChanges(w.db, w.uid),
  },
});
