import { isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 16 (C8): the 30/60/90 plan is the product org's to read (its notes and retrospectives are internal);
 * Product Ops and up start it, edit its timeboxes and tick its manual deliverables. A retrospective is recorded by
 * Product Ops and up or by the person facilitating the retrospectives.
 */
export const PLAN_POLICIES: Policies<'plan' | 'plan_retro'> = {
  plan: (actor, action) => (action === 'read' ? inProductOrg(actor.roles) : isOrgManager(actor)),
  plan_retro: (actor, action, r) =>
    action === 'read'
      ? inProductOrg(actor.roles)
      : action === 'update' &&
        (isOrgManager(actor) || (actor.personId !== null && r.facilitatorId === actor.personId)),
};
