import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';
import { type Action, fieldOf, intoOwnArea, type Policies, type Resource } from './resources.ts';

/** A release's PM owner and the PM owning its area both run it. */
function ownsRelease(actor: Actor, r: { areaOwnerId?: string | null; pmOwnerId?: string | null }): boolean {
  if (!actor.personId) return false;
  return r.areaOwnerId === actor.personId || r.pmOwnerId === actor.personId;
}

/**
 * Releases: Product Ops and up run any; a PM creates them in an area they own and runs the ones they own, moving
 * one only into an area of theirs and handing it to another PM only inside their own area.
 */
function canRelease(actor: Actor, action: Action, r: Extract<Resource, { type: 'release' }>): boolean {
  if (action === 'read') return true;
  if (isOrgManager(actor)) return true;
  if (!hasRole(actor, 'pm') || !actor.personId) return false;
  if (action === 'create') return r.targetAreaOwnerId === actor.personId;
  if (!ownsRelease(actor, r) || !intoOwnArea(actor, r)) return false;
  const areaOwnerAfter = r.targetAreaOwnerId === undefined ? r.areaOwnerId : r.targetAreaOwnerId;
  const newPm = fieldOf(r.input, 'pmOwnerId');
  return newPm === undefined || newPm === actor.personId || areaOwnerAfter === actor.personId;
}

/**
 * Who confirms which part of readiness (pack §6): Support and Sales people their own function's readiness,
 * the eng owner or an eng lead monitoring and rollback, Product Ops the training; the PM and Support answer the
 * post-launch capture. Product Ops and up may record any of them on someone's behalf (the log says who).
 */
function canConfirm(actor: Actor, r: Extract<Resource, { type: 'release_readiness' }>): boolean {
  if (isOrgManager(actor)) return true;
  switch (r.part) {
    case 'support':
    case 'sales':
      return r.actorFunction === r.part;
    case 'eng_monitoring':
    case 'eng_rollback':
      return hasRole(actor, 'eng_lead') || (r.engOwnerId != null && r.engOwnerId === actor.personId);
    case 'training':
      return false;
    case 'post_launch':
      return ownsRelease(actor, r) || r.actorFunction === 'support';
  }
}

/** C5: releases, their readiness, enablement bundles, gate overrides and post-launch action items. */
export const RELEASE_POLICIES: Policies<
  'release' | 'release_readiness' | 'release_enablement' | 'release_action_item' | 'release_gate_override'
> = {
  release: canRelease,
  release_readiness: (actor, action, r) => action === 'read' || canConfirm(actor, r),
  release_enablement: (actor, action) => action === 'read' || isOrgManager(actor),
  // The accountable role accepts the risk; an admin runs the system, not the launch.
  release_gate_override: (actor, action) => action === 'read' || hasRole(actor, 'head_of_product'),
  release_action_item: (actor, action, r) =>
    action === 'read' || (action === 'update' && (isOrgManager(actor) || r.ownerId === actor.personId)),
};
