import { isOrgManager } from '../../services/actor.ts';
import type { Policies } from './resources.ts';

/** C3: the weekly update and the follow-ups of its flagged risks. */
export const UPDATE_POLICIES: Policies<'weekly_update' | 'follow_up'> = {
  // read: everyone; update: write an area's five bullets (its PM); create: publish and excuse an absent PM
  // (Product Ops and up).
  weekly_update: (actor, action, r) => {
    if (action === 'read') return true;
    if (action === 'update')
      return isOrgManager(actor) || (r.areaOwnerId != null && r.areaOwnerId === actor.personId);
    return action === 'create' && isOrgManager(actor);
  },
  follow_up: (actor, action, r) =>
    action === 'read' ||
    (action === 'update' && (isOrgManager(actor) || (r.assigneeIds ?? []).includes(actor.personId ?? ''))),
};
