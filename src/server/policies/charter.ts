import { isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 16 (C8): the charter is written for cross-functional partners and holds nothing internal: everyone
 * signed in reads it. The friction list and the QBR carry internal evidence (releases, metrics, the plan): the
 * product org's. Product Ops, the Head of Product (and admins) write all three.
 */
export const CHARTER_POLICIES: Policies<'charter' | 'friction' | 'quarterly_plan'> = {
  charter: (actor, action) => action === 'read' || (action === 'update' && isOrgManager(actor)),
  friction: (actor, action) =>
    inProductOrg(actor.roles) && (action === 'read' || (action !== 'delete' && isOrgManager(actor))),
  quarterly_plan: (actor, action) =>
    inProductOrg(actor.roles) && (action === 'read' || (action === 'create' && isOrgManager(actor))),
};
