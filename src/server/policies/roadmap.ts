import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';
import { inProductOrg as inProductOrgRoles } from '../../shared/roles.ts';
import { type Action, fieldOf, type Policies, type Resource } from './resources.ts';

const inProductOrg = (actor: Actor): boolean => inProductOrgRoles(actor.roles);

/**
 * Decisions: PMs and eng leads record their own (they are the owner); the owner, or Product Ops and up, revisit
 * one, and a superseding decision is again the writer's own.
 */
function canDecision(actor: Actor, action: Action, r: Extract<Resource, { type: 'decision' }>): boolean {
  if (action === 'read') return true;
  if (isOrgManager(actor)) return true;
  if (!hasRole(actor, 'pm', 'eng_lead') || !actor.personId) return false;
  // A body without an owner is left to validation, which names the missing field.
  const ownsInput = (input: unknown) =>
    [undefined, actor.personId].includes(fieldOf(input, 'ownerId') as never);
  if (action === 'create') return ownsInput(r.input);
  if (action !== 'update' || r.ownerId !== actor.personId) return false;
  return ownsInput(fieldOf(r.input, 'replacement'));
}

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
  // The review works on unratified changes and PMs' notes: the product org's meeting, not stakeholders'.
  roadmap_review: (actor, action) => (action === 'read' ? inProductOrg(actor) : isOrgManager(actor)),
  roadmap_ratification: (actor, action) =>
    action === 'read' ? inProductOrg(actor) : hasRole(actor, 'head_of_product', 'admin'),
  roadmap_view: (actor, action) => action === 'read' || isOrgManager(actor),
  decision: canDecision,
};
