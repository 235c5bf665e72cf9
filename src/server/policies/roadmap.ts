import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';
import type { Policies } from './resources.ts';

/** Anyone with a role beyond "stakeholder": the people who build the product see its internal roadmap. */
const inProductOrg = (actor: Actor): boolean => actor.roles.some((r) => r !== 'stakeholder');

/** C4: roadmap items, the Roadmap Review (running, ratifying), the stakeholder view and the decision log. */
export const ROADMAP_POLICIES: Policies<
  'roadmap_item' | 'roadmap_review' | 'roadmap_ratification' | 'roadmap_view' | 'decision'
> = {
  roadmap_item: (actor, action, r) => {
    if (action === 'read') return r.visibility !== 'internal' || inProductOrg(actor);
    if (isOrgManager(actor)) return true;
    if (!hasRole(actor, 'pm') || !actor.personId) return false;
    // A PM creates items in, and moves items only to, areas they own.
    if (action === 'create') return r.targetAreaOwnerId === actor.personId;
    return (
      action === 'update' &&
      r.areaOwnerId === actor.personId &&
      (r.targetAreaOwnerId === undefined || r.targetAreaOwnerId === actor.personId)
    );
  },
  roadmap_review: (actor, action) => action === 'read' || isOrgManager(actor),
  roadmap_ratification: (actor, action) => action === 'read' || hasRole(actor, 'head_of_product', 'admin'),
  roadmap_view: (actor, action) => action === 'read' || isOrgManager(actor),
  decision: (actor, action, r) => {
    if (action === 'read') return true;
    if (action === 'create') return isOrgManager(actor) || hasRole(actor, 'pm', 'eng_lead');
    return (
      action === 'update' && (isOrgManager(actor) || (r.ownerId != null && r.ownerId === actor.personId))
    );
  },
};
