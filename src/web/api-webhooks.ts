import type {
  TWebhook,
  TWebhookDelivery,
  TWebhookInput,
  TWebhookPatch,
  TWebhookWithSecret,
} from '../shared/webhooks.ts';
import { listAll, type Page, request } from './api-client.ts';

const id = (s: string) => encodeURIComponent(s);

/** Issue 18: outbound webhook subscriptions (Product Ops and the admin). */
export const webhooksApi = {
  all: (signal?: AbortSignal) => listAll<TWebhook>('/webhooks', signal),
  create: (input: TWebhookInput) => request<TWebhookWithSecret>('/webhooks', { method: 'POST', body: input }),
  update: (hookId: string, patch: TWebhookPatch) =>
    request<TWebhook>(`/webhooks/${id(hookId)}`, { method: 'PATCH', body: patch }),
  remove: (hookId: string) => request<void>(`/webhooks/${id(hookId)}`, { method: 'DELETE' }),
  rotate: (hookId: string) =>
    request<TWebhookWithSecret>(`/webhooks/${id(hookId)}/rotate-secret`, { method: 'POST' }),
  deliveries: (hookId: string, signal?: AbortSignal) =>
    request<Page<TWebhookDelivery>>(`/webhooks/${id(hookId)}/deliveries?limit=20`, { signal }),
  replay: (hookId: string, deliveryId: string) =>
    request<TWebhookDelivery>(`/webhooks/${id(hookId)}/deliveries/${id(deliveryId)}/replay`, {
      method: 'POST',
    }),
  ping: (hookId: string) => request<TWebhookDelivery>(`/webhooks/${id(hookId)}/ping`, { method: 'POST' }),
};
