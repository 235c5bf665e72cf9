import type { Actor } from '../../services/actor.ts';
import type { TBroadcastKind } from '../../shared/broadcasts.ts';
import type { TRole } from '../../shared/roles.ts';

/** What a policy decides about: the action, and the resource as the route loaded it. */
export type Action = 'read' | 'create' | 'update' | 'delete';

/** What a policy may look at; `input` is the raw request body, for field-level rules. */
export type Resource =
  | { type: 'person'; id?: string; roles?: readonly TRole[]; input?: unknown }
  | { type: 'area'; ownerPmId?: string | null; input?: unknown }
  | {
      type: 'pod';
      areaOwnerId?: string | null;
      pmIds?: readonly string[];
      input?: unknown;
      targetAreaOwnerId?: string | null;
    }
  /**
   * A pod's strategy contract (issue 15): the product org reads it, and so does anyone named to sign its current
   * version; the pod's PM, Product Ops and the Head of Product propose versions and name signers.
   */
  | { type: 'pod_contract'; pmIds?: readonly string[]; signerIds?: readonly string[] }
  | { type: 'settings' }
  | { type: 'raci' }
  | { type: 'audit' }
  | { type: 'ritual' }
  | { type: 'occurrence'; ownerRole?: string; ownerPersonId?: string | null }
  | { type: 'channel' }
  | { type: 'delivery' }
  /** Outbound webhooks (issue 18): their URLs and secrets reach outside; Product Ops and the admin keep them. */
  | { type: 'webhook' }
  | { type: 'weekly_update'; areaOwnerId?: string | null }
  | {
      type: 'release';
      areaOwnerId?: string | null;
      pmOwnerId?: string | null;
      input?: unknown;
      /** The owner of the area a write puts it in (undefined: the write does not move it). */
      targetAreaOwnerId?: string | null;
    }
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
  /** Overriding a failing gate check (and revoking it): the Head of Product's call (SPEC). */
  | { type: 'release_gate_override' }
  /** Correcting a feedback item's tags; `areaOwnerId` is the PM of the area it is tagged with now. */
  | { type: 'insight'; areaOwnerId?: string | null }
  /** A theme routed to a PM: they (or Product Ops) record the disposition. */
  | { type: 'insight_routing'; ownerId?: string | null; areaOwnerId?: string | null }
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
  | { type: 'decision'; ownerId?: string | null; input?: unknown }
  /** A status question: anyone asks, and the answer holds only what they may read. */
  | { type: 'status' }
  /** The status-request count: pings found in chat and questions answered, per week. */
  | { type: 'status_requests' }
  /** An area's quality controls: the confused-customer figure and Polish Mode (velocity framework). */
  | { type: 'area_quality' }
  /** What pods ship per week, their lead time and the trade-off menu (velocity framework). */
  | { type: 'velocity' }
  /** The success metrics and controls with their records (which launches, who was told): the product org's. */
  | { type: 'metrics' }
  /** Issue 16's survey results (awareness per launch, the PM pulse): the product org's; starting a pulse: Product Ops. */
  | { type: 'survey' }
  /** A bet (its profile, cluster and links) and an experiment brief under one: the product org's. */
  | { type: 'bet' }
  | { type: 'experiment_brief' }
  /** Issue 16: the Product Ops charter (everyone reads it), the top frictions and the quarterly QBR. */
  | { type: 'charter' }
  | { type: 'friction' }
  | { type: 'quarterly_plan' }
  /** The 30/60/90 plan (issue 16): the product org reads it; Product Ops and up keep it. */
  | { type: 'plan' }
  /** A plan retrospective: Product Ops and up record it, and so does its facilitator. */
  | { type: 'plan_retro'; facilitatorId?: string | null }
  /**
   * A bug (no bug backlog): the product org reads bugs; its area's PM and the week's production-engineering
   * rotation (`deciderIds`), Product Ops and up decide it (fix now / won't fix).
   */
  | { type: 'bug'; deciderIds?: readonly string[] }
  /** Closing a bug as fixed: whoever may decide it, and the person fixing it (`assigneeId`). */
  | { type: 'bug_fix'; deciderIds?: readonly string[]; assigneeId?: string | null }
  /**
   * Tracker connections (issue 18): the product org reads links, pulls and differences; Product Ops and up set the
   * connection and sync. A difference is acknowledged by its release's or item's PM too (`pmId`).
   */
  | { type: 'tracker' }
  | { type: 'tracker_difference'; pmId?: string | null }
  /** An undoable action that notifies people (issue 17): who may take the action may undo it. */
  | { type: 'broadcast'; kind?: TBroadcastKind };

export type ResourceType = Resource['type'];

/** One capability's rules: a decision for each resource type it owns. */
export type Policies<T extends ResourceType> = {
  [K in T]: (actor: Actor, action: Action, resource: Extract<Resource, { type: K }>) => boolean;
};

/** A body's value for a field (undefined when the body has none). */
export const fieldOf = (input: unknown, key: string): unknown =>
  typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;

/**
 * Where a PM's write puts a record: nowhere new (undefined), or an area they own. Records move only into
 * areas whose PM is the writer (SPEC: a PM writes their own area's records).
 */
export const intoOwnArea = (actor: Actor, r: { targetAreaOwnerId?: string | null }): boolean =>
  r.targetAreaOwnerId === undefined || (actor.personId !== null && r.targetAreaOwnerId === actor.personId);

/** Whether a request body sets a field (present and not undefined): field-level rules look at it. */
export const has = (input: unknown, key: string): boolean =>
  typeof input === 'object' &&
  input !== null &&
  key in input &&
  (input as Record<string, unknown>)[key] !== undefined;
