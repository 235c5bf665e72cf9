import { hasRole } from '../../services/actor.ts';
import type { Policies } from './resources.ts';

/**
 * Outbound webhooks send the org's news to other systems, signed with secrets: Product Ops (who runs delivery)
 * and the admin read and keep them; nobody else sees even the list (a URL may carry a token).
 */
export const WEBHOOK_POLICIES: Policies<'webhook'> = {
  webhook: (actor) => hasRole(actor, 'admin', 'product_ops'),
};
