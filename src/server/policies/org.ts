import { mayProposeContract } from '../../domain/org/contracts.ts';
import { mayWritePerson } from '../../domain/org/person-access.ts';
import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import { type Action, has, intoOwnArea, type Policies, type Resource } from './resources.ts';

/**
 * People: everyone reads; the admin alone deletes, and alone changes roles, emails and others' passwords; org
 * managers keep the directory; everyone edits their own name, Slack id and password (domain/org/person-access.ts).
 */
function canPerson(actor: Actor, action: Action, r: Extract<Resource, { type: 'person' }>): boolean {
  if (action === 'read') return true;
  if (action === 'delete') return hasRole(actor, 'admin') && r.id !== actor.personId;
  const target = action === 'create' || r.id === undefined ? null : { id: r.id, roles: r.roles ?? [] };
  return mayWritePerson(actor, target, r.input ?? {});
}

/** Areas: org managers create and delete; the owning PM edits everything but the ownership. */
function canArea(actor: Actor, action: Action, r: Extract<Resource, { type: 'area' }>): boolean {
  if (action === 'read') return true;
  if (isOrgManager(actor)) return true;
  return (
    action === 'update' &&
    hasRole(actor, 'pm') &&
    r.ownerPmId === actor.personId &&
    !has(r.input, 'ownerPmId')
  );
}

/**
 * Pods: org managers, plus the pod's own PM or the PM owning its area, who may edit but not delete it, and move
 * it only into an area of their own.
 */
function canPod(actor: Actor, action: Action, r: Extract<Resource, { type: 'pod' }>): boolean {
  if (action === 'read') return true;
  if (isOrgManager(actor)) return true;
  if (action !== 'update' || !hasRole(actor, 'pm') || !actor.personId) return false;
  const runsIt = r.areaOwnerId === actor.personId || (r.pmIds ?? []).includes(actor.personId);
  return runsIt && intoOwnArea(actor, r);
}

/**
 * A pod's strategy contract: the product org reads it; a stakeholder only while named to sign its current
 * version (anyone else is refused, whether or not there is a contract, so nothing is told). Signing (`update`) is
 * offered to the same readers: the service lets only the named signers sign, each for themself. Proposing a
 * version and naming signers (`create`) is the pod's PM's, Product Ops' and the Head of Product's.
 */
function canPodContract(
  actor: Actor,
  action: Action,
  r: Extract<Resource, { type: 'pod_contract' }>,
): boolean {
  const named = actor.personId !== null && (r.signerIds ?? []).includes(actor.personId);
  if (action === 'read' || action === 'update') return inProductOrg(actor.roles) || named;
  return action === 'create' && mayProposeContract(actor, r.pmIds ?? []);
}

/** C1: people, areas, pods and the org's settings, RACI and audit log. */
export const ORG_POLICIES: Policies<
  'person' | 'area' | 'pod' | 'pod_contract' | 'settings' | 'raci' | 'audit'
> = {
  person: canPerson,
  area: canArea,
  pod: canPod,
  pod_contract: canPodContract,
  settings: (actor, action) => action === 'read' || hasRole(actor, 'admin', 'head_of_product'),
  raci: (actor, action) => action === 'read' || isOrgManager(actor),
  audit: (actor, action) => action === 'read' && isOrgManager(actor),
};
