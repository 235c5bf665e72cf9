import { isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 18: what the tracker says is the product org's (stakeholders read releases and the roadmap as prodops
 * says them). Connecting a tracker and syncing is Product Ops' job; linking follows the release or item (its own
 * route's policy); a difference is the PM's and Product Ops' to acknowledge.
 */
export const TRACKER_POLICIES: Policies<'tracker' | 'tracker_difference'> = {
  tracker: (actor, action) => inProductOrg(actor.roles) && (action === 'read' || isOrgManager(actor)),
  tracker_difference: (actor, action, r) =>
    inProductOrg(actor.roles) &&
    (action === 'read' || isOrgManager(actor) || (r.pmId != null && r.pmId === actor.personId)),
};
