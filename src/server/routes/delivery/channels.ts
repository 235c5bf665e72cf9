import type { FastifyInstance } from 'fastify';
import {
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  updateChannel,
} from '../../../services/delivery/channels.ts';
import { ZChannel, ZChannelInput, ZChannelList, ZChannelPatch } from '../../../shared/delivery.ts';
import { registerCrud } from '../crud.ts';
import { channelResource } from './common.ts';

/** Channels (Slack channels, email lists) that subscriptions send to: list, read, create, update, delete. */
export async function channelRoutes(
  app: FastifyInstance,
  opts: { allowAnyWebhookHost: boolean },
): Promise<void> {
  const allowAnyWebhookHost = opts.allowAnyWebhookHost;
  registerCrud(app, {
    path: '/channels',
    resource: 'channel',
    label: 'channels',
    schemas: { input: ZChannelInput, patch: ZChannelPatch, item: ZChannel, list: ZChannelList },
    services: {
      list: listChannels,
      get: getChannel,
      create: (o) => createChannel({ ...o, allowAnyWebhookHost }),
      update: (o) => updateChannel({ ...o, allowAnyWebhookHost }),
      remove: deleteChannel,
    },
    resourceOf: channelResource,
  });
}
