import type { z } from 'zod';
import type {
  ARTIFACT_KIND_VALUES,
  TChannelInput,
  ZChannel,
  ZChannelPatch,
  ZDelivery,
  ZDeliveryLogEntry,
  ZInboxItem,
  ZPreferences,
  ZPreferencesInput,
  ZSubscription,
  ZSubscriptionInput,
} from '../shared/delivery.ts';
import { listAll, type Page, query, request } from './api-client.ts';

export type ArtifactKind = (typeof ARTIFACT_KIND_VALUES)[number];
export type Via = 'inbox' | 'email' | 'slack';
export type Delivery = z.infer<typeof ZDelivery>;
export type DeliveryStatus = Delivery['status'];
export type DeliveryChannel = 'email' | 'slack' | 'inbox';
export type DeliveryDetail = Delivery & { log: z.infer<typeof ZDeliveryLogEntry>[] };
export type InboxItem = z.infer<typeof ZInboxItem>;
export type InboxReply = Page<InboxItem> & { unread: number };
export type Preferences = z.infer<typeof ZPreferences>;
export type PreferencesInput = z.infer<typeof ZPreferencesInput>;
export type Subscription = z.infer<typeof ZSubscription>;
export type SubscriptionInput = z.infer<typeof ZSubscriptionInput>;
export type Channel = z.infer<typeof ZChannel>;
export type ChannelPatch = z.infer<typeof ZChannelPatch>;

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
      status?: DeliveryStatus;
      channel?: DeliveryChannel;
      kind?: string;
      limit?: number;
      cursor?: string | null;
    },
    signal?: AbortSignal,
  ) => request<Page<Delivery>>(`/deliveries${query(params)}`, { signal }),
  delivery: (deliveryId: string, signal?: AbortSignal) =>
    request<DeliveryDetail>(`/deliveries/${id(deliveryId)}`, { signal }),
  retry: (deliveryId: string) =>
    request<DeliveryDetail>(`/deliveries/${id(deliveryId)}/retry`, { method: 'POST' }),
  inbox: (params: { limit?: number; cursor?: string | null }, signal?: AbortSignal) =>
    request<InboxReply>(`/inbox${query(params)}`, { signal }),
  markRead: (itemId: string) => request<void>(`/inbox/${id(itemId)}/read`, { method: 'POST' }),
  markAllRead: () => request<void>('/inbox/read-all', { method: 'POST' }),
  preferences: (signal?: AbortSignal) => request<Preferences>('/me/preferences', { signal }),
  savePreferences: (input: PreferencesInput) =>
    request<Preferences>('/me/preferences', { method: 'PUT', body: input }),
  subscriptions: (all: boolean, signal?: AbortSignal) =>
    request<{ items: Subscription[] }>(`/subscriptions${all ? '?all=true' : ''}`, { signal }),
  subscribe: (input: SubscriptionInput) =>
    request<Subscription>('/subscriptions', { method: 'POST', body: input }),
  unsubscribe: (subscriptionId: string) =>
    request<void>(`/subscriptions/${id(subscriptionId)}`, { method: 'DELETE' }),
  channels: {
    all: (signal?: AbortSignal) => listAll<Channel>('/channels', signal),
    create: (input: TChannelInput) => request<Channel>('/channels', { method: 'POST', body: input }),
    update: (channelId: string, patch: ChannelPatch) =>
      request<Channel>(`/channels/${id(channelId)}`, { method: 'PATCH', body: patch }),
    remove: (channelId: string) => request<void>(`/channels/${id(channelId)}`, { method: 'DELETE' }),
  },
};
