import { INSIGHT_POLICIES } from './insights.ts';
import type { Policies } from './resources.ts';
import { ROADMAP_POLICIES } from './roadmap.ts';
import { UPDATE_POLICIES } from './updates.ts';

/**
 * Undoing an action that notifies people is the action's own permission: publishing the weekly update (Product
 * Ops and up), ratifying or rejecting roadmap changes (the Head of Product), publishing the insights digest
 * (the org's managers), republishing the stakeholder view (Product Ops and up). Nobody else reads or undoes one.
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
    return false;
  },
};
