import { hasRole, isOrgManager } from '../../services/actor.ts';
import type { Policies } from './resources.ts';

/** C6: feedback items, routed themes and the triage/digest runs. */
export const INSIGHT_POLICIES: Policies<'insight' | 'insight_routing' | 'insights_admin'> = {
  // Whoever triages: Product Ops and up, and the PMs whose themes these are (SPEC: the right role).
  insight: (actor, action) => action === 'read' || isOrgManager(actor) || hasRole(actor, 'pm'),
  insight_routing: (actor, action, r) =>
    action === 'read' || isOrgManager(actor) || (r.ownerId != null && r.ownerId === actor.personId),
  insights_admin: (actor, action) => action === 'read' || isOrgManager(actor),
};
