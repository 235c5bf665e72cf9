import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';
import { type Action, has, type Policies, type Resource } from './resources.ts';

const grantsAdmin = (input: unknown): boolean =>
  has(input, 'roles') &&
  Array.isArray((input as { roles: unknown }).roles) &&
  (input as { roles: unknown[] }).roles.includes('admin');

/** People: org managers manage them, only admins touch admins, everyone may edit their own name, Slack id and password. */
function canPerson(actor: Actor, action: Action, r: Extract<Resource, { type: 'person' }>): boolean {
  if (action === 'read') return true;
  if (action === 'delete') return hasRole(actor, 'admin') && r.id !== actor.personId;
  const touchesAdmin = grantsAdmin(r.input) || (r.roles?.includes('admin') ?? false);
  if (hasRole(actor, 'admin')) return true;
  if (isOrgManager(actor)) return !touchesAdmin;
  if (action === 'update' && r.id === actor.personId) {
    const selfEditable = new Set(['name', 'slackId', 'password']);
    const keys = typeof r.input === 'object' && r.input !== null ? Object.keys(r.input) : [];
    return keys.every((k) => selfEditable.has(k));
  }
  return false;
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

/** Pods: org managers, plus the pod's own PM or the PM owning its area, who may edit but not delete it. */
function canPod(actor: Actor, action: Action, r: Extract<Resource, { type: 'pod' }>): boolean {
  if (action === 'read') return true;
  if (isOrgManager(actor)) return true;
  if (action !== 'update' || !hasRole(actor, 'pm') || !actor.personId) return false;
  return r.areaOwnerId === actor.personId || (r.pmIds ?? []).includes(actor.personId);
}

/** C1: people, areas, pods and the org's settings, RACI and audit log. */
export const ORG_POLICIES: Policies<'person' | 'area' | 'pod' | 'settings' | 'raci' | 'audit'> = {
  person: canPerson,
  area: canArea,
  pod: canPod,
  settings: (actor, action) => action === 'read' || hasRole(actor, 'admin', 'head_of_product'),
  raci: (actor, action) => action === 'read' || isOrgManager(actor),
  audit: (actor, action) => action === 'read' && isOrgManager(actor),
};
