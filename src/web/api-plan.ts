import type { TPerson } from '../shared/org.ts';
import type { TPlan, TRetroInput, TRetroView, TTick, TTimeboxPatch } from '../shared/plan.ts';
import { listAll, request } from './api-client.ts';

/** Issue 16: the 30/60/90 plan, its ticks and its retrospectives. */
export const planApi = {
  get: (signal?: AbortSignal) => request<TPlan>('/plan', { signal }),
  start: (startOn?: string) => request<TPlan>('/plan', { method: 'POST', body: startOn ? { startOn } : {} }),
  timebox: (n: number, body: TTimeboxPatch) =>
    request<TPlan>(`/plan/timeboxes/${n}`, { method: 'PATCH', body }),
  tick: (id: string, body: TTick) =>
    request<TPlan>(`/plan/deliverables/${encodeURIComponent(id)}/tick`, { method: 'POST', body }),
  recordRetro: (week: number, body: TRetroInput) =>
    request<TRetroView>(`/plan/retros/${week}`, { method: 'PUT', body }),
  people: (signal?: AbortSignal) => listAll<TPerson>('/people', signal),
};
