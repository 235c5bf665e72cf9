import type {
  TChannel,
  TChannelInput,
  TChannelPatch,
  TDelivery,
  TDeliveryChannel,
  TDeliveryConfiguration,
  TDeliveryDetail,
  TDeliveryGroup,
  TDeliveryMessageRef,
  TDeliveryStatus,
  TInboxList,
  TPreferences,
  TPreferencesInput,
  TSubscription,
  TSubscriptionInput,
  TSubscriptionList,
} from '../shared/delivery.ts';
import { listAll, type Page, query, request } from './api-client.ts';

const INBOX_CHANGED = 'prodops:inbox-changed';

/** Tells the header's unread badge to count again (after mark-read). */
export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(INBOX_CHANGED, listener);
  return () => window.removeEventListener(INBOX_CHANGED, listener);
}

const id = (s: string) => encodeURIComponent(s);

/** C2 delivery: the delivery log, the inbox, preferences, subscriptions and channels. */
export const deliveryApi = {
  deliveries: (
    params: {
      status?: TDeliveryStatus;
      channel?: TDeliveryChannel;
      kind?: string;
      limit?: number;
      cursor?: string | null;
    },
    signal?: AbortSignal,
  ) => request<Page<TDelivery>>(`/deliveries${query(params)}`, { signal }),
  /** The log by message: one row per publication or notification. */
  messages: (
    params: {
      status?: TDeliveryStatus;
      channel?: TDeliveryChannel;
      kind?: string;
      limit?: number;
      cursor?: string | null;
    },
    signal?: AbortSignal,
  ) => request<Page<TDeliveryGroup>>(`/deliveries/messages${query(params)}`, { signal }),
  retryMessage: (key: TDeliveryMessageRef) =>
    request<{ retried: number; group: TDeliveryGroup }>('/deliveries/messages/retry', {
      method: 'POST',
      body: key,
    }),
  configuration: (signal?: AbortSignal) =>
    request<TDeliveryConfiguration>('/deliveries/configuration', { signal }),
  delivery: (deliveryId: string, signal?: AbortSignal) =>
    request<TDeliveryDetail>(`/deliveries/${id(deliveryId)}`, { signal }),
  retry: (deliveryId: string) =>
    request<TDeliveryDetail>(`/deliveries/${id(deliveryId)}/retry`, { method: 'POST' }),
  inbox: (params: { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    request<TInboxList>(`/inbox${query(params)}`, { signal }),
  markRead: (itemId: string) => request<void>(`/inbox/${id(itemId)}/read`, { method: 'POST' }),
  markAllRead: () => request<void>('/inbox/read-all', { method: 'POST' }),
  preferences: (signal?: AbortSignal) => request<TPreferences>('/me/preferences', { signal }),
  savePreferences: (input: TPreferencesInput) =>
    request<TPreferences>('/me/preferences', { method: 'PUT', body: input }),
  subscriptions: (all: boolean, signal?: AbortSignal) =>
    request<TSubscriptionList>(`/subscriptions${all ? '?all=true' : ''}`, { signal }),
  subscribe: (input: TSubscriptionInput) =>
    request<TSubscription>('/subscriptions', { method: 'POST', body: input }),
  unsubscribe: (subscriptionId: string) =>
    request<void>(`/subscriptions/${id(subscriptionId)}`, { method: 'DELETE' }),
  channels: {
    all: (signal?: AbortSignal) => listAll<TChannel>('/channels', signal),
    create: (input: TChannelInput) => request<TChannel>('/channels', { method: 'POST', body: input }),
    update: (channelId: string, patch: TChannelPatch) =>
      request<TChannel>(`/channels/${id(channelId)}`, { method: 'PATCH', body: patch }),
    remove: (channelId: string) => request<void>(`/channels/${id(channelId)}`, { method: 'DELETE' }),
  },
};
