import { isOrgManager } from '../../services/actor.ts';
import { inProductOrg } from '../../shared/roles.ts';
import type { Policies } from './resources.ts';

/**
 * Issue 14: anyone signed in may ask "what's the status of X?" (each answer is cut to what they may read); the
 * status-request count names who asked what, so it is the product org's to read, and Product Ops and up import
 * the Slack exports it counts (`create`).
 */
export const STATUS_POLICIES: Policies<'status' | 'status_requests'> = {
  status: (_actor, action) => action === 'read',
  status_requests: (actor, action) =>
    (action === 'read' && inProductOrg(actor.roles)) || (action === 'create' && isOrgManager(actor)),
};
