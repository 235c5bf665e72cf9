import type {
  TAdoption,
  TCalendar,
  TFeedKey,
  TFeedUrls,
  TOccurrenceDetail,
  TOccurrencePatch,
  TRitual,
  TRitualInput,
  TRitualPatch,
} from '../shared/cadence.ts';
import { listAll, query, request } from './api-client.ts';

const ritualPath = (id: string) => `/rituals/${encodeURIComponent(id)}`;
const occurrencePath = (id: string) => `/occurrences/${encodeURIComponent(id)}`;

/** C2 cadence: rituals, the calendar of their occurrences, adoption and the calendar feed. */
export const cadenceApi = {
  rituals: {
    all: (signal?: AbortSignal) => listAll<TRitual>('/rituals', signal),
    get: (id: string, signal?: AbortSignal) => request<TRitual>(ritualPath(id), { signal }),
    create: (input: TRitualInput) => request<TRitual>('/rituals', { method: 'POST', body: input }),
    update: (id: string, patch: TRitualPatch) =>
      request<TRitual>(ritualPath(id), { method: 'PATCH', body: patch }),
    remove: (id: string) => request<void>(ritualPath(id), { method: 'DELETE' }),
  },
  calendar: (params: { from?: string; to?: string; ritualId?: string }, signal?: AbortSignal) =>
    request<TCalendar>(`/calendar${query(params)}`, { signal }),
  occurrence: (id: string, signal?: AbortSignal) =>
    request<TOccurrenceDetail>(occurrencePath(id), { signal }),
  recordOccurrence: (id: string, patch: TOccurrencePatch) =>
    request<TOccurrenceDetail>(occurrencePath(id), { method: 'PATCH', body: patch }),
  adoption: (params: { from?: string; to?: string } = {}, signal?: AbortSignal) =>
    request<TAdoption>(`/adoption${query(params)}`, { signal }),
  feedKey: (signal?: AbortSignal) => request<TFeedKey>('/calendar/feed-url', { signal }),
  rotateFeedUrl: () => request<TFeedUrls>('/calendar/feed-url/rotate', { method: 'POST' }),
};
