import { hasRole, isOrgManager } from '../../services/actor.ts';
import type { Policies } from './resources.ts';

/** C6: feedback items, routed themes and the triage/digest runs. */
export const INSIGHT_POLICIES: Policies<'insight' | 'insight_routing' | 'insights_admin'> = {
  // Whoever triages: Product Ops and up, and the PMs whose themes these are (SPEC: the right role).
  // A PM corrects items in their own areas or nobody's, and may hand one to another area (triage), but not take
  // one out of another PM's area (its figures, e.g. confused customers, are theirs).
  insight: (actor, action, r) =>
    action === 'read' ||
    isOrgManager(actor) ||
    (hasRole(actor, 'pm') && (r.areaOwnerId == null || r.areaOwnerId === actor.personId)),
  // The PM who owns the theme's area now (or, for a theme without an area, the one it was routed to).
  insight_routing: (actor, action, r) =>
    action === 'read' ||
    isOrgManager(actor) ||
    (actor.personId !== null && (r.areaOwnerId ?? r.ownerId) === actor.personId),
  insights_admin: (actor, action) => action === 'read' || isOrgManager(actor),
};
