import type { z } from 'zod';
import type { TDecisionLogEntry, TDecisionLogInput, TRevisitInput } from '../../../shared/decisions.ts';
import type { TReview, ZReviewList } from '../../../shared/roadmap.ts';
import { type Page, query, request } from '../../api-client.ts';
import type { DecisionFilterValues } from '../../lib/decision-filter.ts';

export type ReviewSummary = z.infer<typeof ZReviewList>['items'][number];

const decision = (id: string) => `/decisions/${encodeURIComponent(id)}`;
const review = (occurrenceId: string) => `/roadmap/reviews/${encodeURIComponent(occurrenceId)}`;

/** C4: the append-only decision log (no PATCH, no DELETE: revisiting is the only change). */
export const decisionsApi = {
  list: (filter: DecisionFilterValues, cursor: string | null, signal?: AbortSignal) =>
    request<Page<TDecisionLogEntry>>(`/decisions${query({ ...filter, limit: 50, cursor })}`, { signal }),
  get: (id: string, signal?: AbortSignal) => request<TDecisionLogEntry>(decision(id), { signal }),
  create: (input: TDecisionLogInput) =>
    request<TDecisionLogEntry>('/decisions', { method: 'POST', body: input }),
  revisit: (id: string, input: TRevisitInput) =>
    request<TDecisionLogEntry>(`${decision(id)}/revisit`, { method: 'POST', body: input }),
};

/** C4: the Biweekly Roadmap Review (agenda, ratification, the republish SLA); republishing is roadmapApi's. */
export const reviewsApi = {
  list: (signal?: AbortSignal) => request<{ items: ReviewSummary[] }>('/roadmap/reviews', { signal }),
  get: (occurrenceId: string, signal?: AbortSignal) => request<TReview>(review(occurrenceId), { signal }),
  start: (occurrenceId: string) => request<TReview>(`${review(occurrenceId)}/start`, { method: 'POST' }),
  close: (occurrenceId: string) => request<TReview>(`${review(occurrenceId)}/close`, { method: 'POST' }),
  assign: (occurrenceId: string, body: { title: string; ownerId: string }) =>
    request<TReview>(`${review(occurrenceId)}/actions`, { method: 'POST', body }),
  outcome: (
    occurrenceId: string,
    body: { itemId: string; outcome: 'ratified' | 'rejected'; note?: string },
  ) => request<TReview>(`${review(occurrenceId)}/outcomes`, { method: 'POST', body }),
};
