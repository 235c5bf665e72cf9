import { type Actor, hasRole, isOrgManager } from '../../services/actor.ts';

export type Action = 'read' | 'create' | 'update' | 'delete';

/** What a policy may look at; `input` is the raw request body, for field-level rules. */
export type Resource =
  | { type: 'person'; id?: string; roles?: readonly string[]; input?: unknown }
  | { type: 'area'; ownerPmId?: string | null; input?: unknown }
  | { type: 'pod'; areaOwnerId?: string | null; pmIds?: readonly string[]; input?: unknown }
  | { type: 'settings' }
  | { type: 'raci' }
  | { type: 'audit' }
  | { type: 'ritual' }
  | { type: 'occurrence'; ownerRole?: string; ownerPersonId?: string | null }
  | { type: 'channel' }
  | { type: 'delivery' }
  | { type: 'weekly_update'; areaOwnerId?: string | null }
  | { type: 'release'; areaOwnerId?: string | null; pmOwnerId?: string | null }
  /** A part of a release's readiness someone confirms: a sign-off kind, or the post-launch capture. */
  | {
      type: 'release_readiness';
      part: 'support' | 'sales' | 'eng_monitoring' | 'eng_rollback' | 'training' | 'post_launch';
      engOwnerId?: string | null;
      pmOwnerId?: string | null;
      areaOwnerId?: string | null;
      actorFunction?: string | null;
    }
  /** Distributing and publishing enablement bundles: Product Ops' job (pack §6). */
  | { type: 'release_enablement' }
  | { type: 'release_action_item'; ownerId?: string | null }
  /** Correcting a feedback item's tags. */
  | { type: 'insight' }
  /** A theme routed to a PM: they (or Product Ops) record the disposition. */
  | { type: 'insight_routing'; ownerId?: string | null }
  /** Running the triage and publishing the digest: Product Ops' job (pack §5). */
  | { type: 'insights_admin' }
  | { type: 'follow_up'; assigneeIds?: readonly string[] }
  /** A roadmap item: its area's PM edits it; Product Ops and up edit any (pack RACI: PMs own content). */
  | {
      type: 'roadmap_item';
      areaOwnerId?: string | null;
      input?: unknown;
      targetAreaOwnerId?: string | null;
      /** Internal items are for the product org: stakeholders see the stakeholder view instead. */
      visibility?: string;
    }
  /** Running a Roadmap Review (start, close): its owner (Head of Product) and Product Ops. */
  | { type: 'roadmap_review' }
  /** Ratifying or rejecting roadmap changes: the Head of Product's call (pack §3). */
  | { type: 'roadmap_ratification' }
  /** Republishing the stakeholder roadmap view: Product Ops (format + distribution) and up. */
  | { type: 'roadmap_view' }
  /** A decision log entry: PMs and up record; its owner (or Product Ops and up) revisits or supersedes it. */
  | { type: 'decision'; ownerId?: string | null };

export type ResourceType = Resource['type'];

const has = (input: unknown, key: string): boolean =>
  typeof input === 'object' &&
  input !== null &&
  key in input &&
  (input as Record<string, unknown>)[key] !== undefined;

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

/** A release's PM owner and the PM owning its area both run it. */
function ownsRelease(actor: Actor, r: { areaOwnerId?: string | null; pmOwnerId?: string | null }): boolean {
  if (!actor.personId) return false;
  return r.areaOwnerId === actor.personId || r.pmOwnerId === actor.personId;
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

/** Anyone with a role beyond "stakeholder": the people who build the product see its internal roadmap. */
const inProductOrg = (actor: Actor): boolean => actor.roles.some((r) => r !== 'stakeholder');

/** The one authorization decision of the product; every route goes through it (see server/policies/hook.ts). */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.type) {
    case 'person':
      return canPerson(actor, action, resource);
    case 'area':
      return canArea(actor, action, resource);
    case 'pod':
      return canPod(actor, action, resource);
    case 'settings':
      return action === 'read' || hasRole(actor, 'admin', 'head_of_product');
    case 'raci':
      return action === 'read' || isOrgManager(actor);
    case 'audit':
      return action === 'read' && isOrgManager(actor);
    case 'ritual':
      return action === 'read' || isOrgManager(actor);
    case 'occurrence':
      return canOccurrence(actor, action, resource);
    case 'channel':
      return action === 'read' || hasRole(actor, 'admin', 'product_ops');
    case 'weekly_update':
      // read: everyone; update: write an area's five bullets (its PM); create: publish (Product Ops and up).
      if (action === 'read') return true;
      if (action === 'update')
        return (
          isOrgManager(actor) || (resource.areaOwnerId != null && resource.areaOwnerId === actor.personId)
        );
      return action === 'create' && isOrgManager(actor);
    case 'release':
      if (action === 'read') return true;
      if (action === 'create') return isOrgManager(actor) || hasRole(actor, 'pm');
      return isOrgManager(actor) || ownsRelease(actor, resource);
    case 'release_readiness':
      return action === 'read' || canConfirm(actor, resource);
    case 'release_enablement':
      return action === 'read' || isOrgManager(actor);
    case 'release_action_item':
      return (
        action === 'read' ||
        (action === 'update' && (isOrgManager(actor) || resource.ownerId === actor.personId))
      );
    case 'follow_up':
      return (
        action === 'read' ||
        (action === 'update' &&
          (isOrgManager(actor) || (resource.assigneeIds ?? []).includes(actor.personId ?? '')))
      );
    case 'insight':
      // Whoever triages: Product Ops and up, and the PMs whose themes these are (SPEC: the right role).
      return action === 'read' || isOrgManager(actor) || hasRole(actor, 'pm');
    case 'insight_routing':
      return (
        action === 'read' ||
        isOrgManager(actor) ||
        (resource.ownerId != null && resource.ownerId === actor.personId)
      );
    case 'insights_admin':
      return action === 'read' || isOrgManager(actor);
    case 'roadmap_item':
      if (action === 'read') return resource.visibility !== 'internal' || inProductOrg(actor);
      if (isOrgManager(actor)) return true;
      if (!hasRole(actor, 'pm') || !actor.personId) return false;
      // A PM creates items in, and moves items only to, areas they own.
      if (action === 'create') return resource.targetAreaOwnerId === actor.personId;
      return (
        action === 'update' &&
        resource.areaOwnerId === actor.personId &&
        (resource.targetAreaOwnerId === undefined || resource.targetAreaOwnerId === actor.personId)
      );
    case 'roadmap_review':
      return action === 'read' || isOrgManager(actor);
    case 'roadmap_ratification':
      return action === 'read' || hasRole(actor, 'head_of_product', 'admin');
    case 'roadmap_view':
      return action === 'read' || isOrgManager(actor);
    case 'decision':
      if (action === 'read') return true;
      if (action === 'create') return isOrgManager(actor) || hasRole(actor, 'pm', 'eng_lead');
      return (
        action === 'update' &&
        (isOrgManager(actor) || (resource.ownerId != null && resource.ownerId === actor.personId))
      );
    case 'delivery':
      // The delivery log names who was told what: Product Ops and up read it and retry dead letters.
      return (action === 'read' || action === 'update') && isOrgManager(actor);
  }
}
