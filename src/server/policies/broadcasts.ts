import { INSIGHT_POLICIES } from './insights.ts';
import { RELEASE_POLICIES } from './releases.ts';
import type { Policies } from './resources.ts';
import { ROADMAP_POLICIES } from './roadmap.ts';
import { UPDATE_POLICIES } from './updates.ts';

/**
 * Undoing an action that notifies people is the action's own permission: publishing the weekly update (Product
 * Ops and up), ratifying or rejecting roadmap changes (the Head of Product), publishing the insights digest
 * (the org's managers), republishing the stakeholder view (Product Ops and up), distributing or publishing an enablement bundle (the org's
 * managers, as the bundle's own routes). Nobody else reads or undoes one.
 */
export const BROADCAST_POLICIES: Policies<'broadcast'> = {
  broadcast: (actor, action, r) => {
    if (action !== 'read' && action !== 'update') return false;
    if (r.kind === 'weekly_update.publish')
      return UPDATE_POLICIES.weekly_update(actor, 'create', { type: 'weekly_update' });
    if (r.kind === 'roadmap.ratify' || r.kind === 'roadmap.reject')
      return ROADMAP_POLICIES.roadmap_ratification(actor, 'update', { type: 'roadmap_ratification' });
    if (r.kind === 'insights_digest.publish')
      return INSIGHT_POLICIES.insights_admin(actor, 'update', { type: 'insights_admin' });
    if (r.kind === 'roadmap_view.publish')
      return ROADMAP_POLICIES.roadmap_view(actor, 'update', { type: 'roadmap_view' });
    if (r.kind === 'release_bundle.distribute' || r.kind === 'release_bundle.publish')
      return RELEASE_POLICIES.release_enablement(actor, 'update', { type: 'release_enablement' });
    return false;
  },
};
