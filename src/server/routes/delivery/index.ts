import type { FastifyInstance } from 'fastify';
import { channelRoutes } from './channels.ts';
import { deliveryLogRoutes } from './deliveries.ts';
import { inboxRoutes } from './inbox.ts';
import { subscriptionRoutes } from './subscriptions.ts';

export { deliveryLoaders } from './common.ts';

/** C2 delivery: channels, subscriptions and preferences, the delivery log with dead-letter retry, the inbox. */
export async function deliveryRoutes(
  app: FastifyInstance,
  opts: { allowAnyWebhookHost: boolean },
): Promise<void> {
  await channelRoutes(app, opts);
  await deliveryLogRoutes(app);
  await inboxRoutes(app);
  await subscriptionRoutes(app);
}
