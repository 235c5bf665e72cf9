import type { Actor } from '../../services/actor.ts';
import { BROADCAST_POLICIES } from './broadcasts.ts';
import { CADENCE_POLICIES } from './cadence.ts';
import { CHARTER_POLICIES } from './charter.ts';
import { INSIGHT_POLICIES } from './insights.ts';
import { ORG_POLICIES } from './org.ts';
import { PLAN_POLICIES } from './plan.ts';
import { QUALITY_POLICIES } from './quality.ts';
import { RELEASE_POLICIES } from './releases.ts';
import type { Action, Policies, Resource, ResourceType } from './resources.ts';
import { ROADMAP_POLICIES } from './roadmap.ts';
import { STATUS_POLICIES } from './status.ts';
import { SURVEY_POLICIES } from './surveys.ts';
import { TRACKER_POLICIES } from './trackers.ts';
import { UPDATE_POLICIES } from './updates.ts';
import { VELOCITY_POLICIES } from './velocity.ts';
import { WEBHOOK_POLICIES } from './webhooks.ts';

export type { Action, Resource, ResourceType } from './resources.ts';

/** Every resource type's rule, one file per capability: a type without a rule does not compile. */
const POLICIES: Policies<ResourceType> = {
  ...ORG_POLICIES,
  ...CADENCE_POLICIES,
  ...UPDATE_POLICIES,
  ...RELEASE_POLICIES,
  ...INSIGHT_POLICIES,
  ...ROADMAP_POLICIES,
  ...STATUS_POLICIES,
  ...QUALITY_POLICIES,
  ...VELOCITY_POLICIES,
  ...SURVEY_POLICIES,
  ...CHARTER_POLICIES,
  ...PLAN_POLICIES,
  ...BROADCAST_POLICIES,
  ...WEBHOOK_POLICIES,
  ...TRACKER_POLICIES,
};

/** The one authorization decision of the product; every route goes through it (see server/policies/hook.ts). */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  const rule = POLICIES[resource.type] as (a: Actor, act: Action, r: Resource) => boolean;
  return rule(actor, action, resource);
}
