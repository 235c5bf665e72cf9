import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';
import type { Action, Policies, Resource } from './resources.ts';

/** Occurrences: everyone reads; the ritual's owner (by role or by name) records attendance and its artifact. */
function canOccurrence(actor: Actor, action: Action, r: Extract<Resource, { type: 'occurrence' }>): boolean {
  if (action === 'read') return true;
  if (action !== 'update') return false;
  return (
    isOrgManager(actor) ||
    (r.ownerPersonId != null && r.ownerPersonId === actor.personId) ||
    (r.ownerRole !== undefined && actor.roles.includes(r.ownerRole as never))
  );
}

/** C2: rituals and their occurrences; channels and the delivery log. */
export const CADENCE_POLICIES: Policies<'ritual' | 'occurrence' | 'channel' | 'delivery'> = {
  ritual: (actor, action) => action === 'read' || isOrgManager(actor),
  occurrence: canOccurrence,
  channel: (actor, action) => action === 'read' || hasRole(actor, 'admin', 'product_ops'),
  // The delivery log names who was told what: Product Ops and up read it and retry dead letters.
  delivery: (actor, action) => (action === 'read' || action === 'update') && isOrgManager(actor),
};
