import type { Db } from '../../../db/client.ts';
import { getChannel } from '../../../services/delivery/channels.ts';
import { getDelivery } from '../../../services/delivery/deliveries.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import type { Resource } from '../../policies/index.ts';
import { crudLoader } from '../crud.ts';

export const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
export const channelResource = (): Resource => ({ type: 'channel' });
export function deliveryLoaders(db: Db) {
  return {
    channel: crudLoader(db, getChannel, channelResource),
    delivery: crudLoader(db, getDelivery, (): Resource => ({ type: 'delivery' })),
  };
}
