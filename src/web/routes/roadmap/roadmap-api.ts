import type { TBroadcastHeld, TBroadcastPreview } from '../../../shared/broadcasts.ts';
import type { TDecisionLogEntry } from '../../../shared/decisions.ts';
import type {
  TAudience,
  TChanges,
  TItemHistory,
  TPublishedView,
  TReview,
  TReviewList,
  TRoadmapItem,
  TRoadmapItemInput,
  TRoadmapItemPatch,
  TViewVersionList,
} from '../../../shared/roadmap.ts';
import { API_BASE, listAll, query, request } from '../../api-client.ts';

/** A published version, "draft" (what republishing would publish), or undefined for the latest. */
export type ViewVersionParam = number | 'draft' | undefined;

const itemPath = (id: string) => `/roadmap/items/${encodeURIComponent(id)}`;
const review = (occurrenceId: string) => `/roadmap/reviews/${encodeURIComponent(occurrenceId)}`;

/** The export as a plain link (GET with the session cookie): the browser downloads or opens it. */
export const exportUrl = (
  format: 'md' | 'html',
  audience: TAudience | undefined,
  version: ViewVersionParam,
) => `${API_BASE}/roadmap/view/export${query({ format, audience, version })}`;

/** C4: roadmap items and their history, what changed, the stakeholder view. */
export const roadmapApi = {
  /** Every item (filters are applied on the page: broken dependencies need the whole roadmap). */
  items: (signal?: AbortSignal) => listAll<TRoadmapItem>('/roadmap/items', signal),
  item: (id: string, signal?: AbortSignal) => request<TRoadmapItem>(itemPath(id), { signal }),
  create: (input: TRoadmapItemInput) =>
    request<TRoadmapItem>('/roadmap/items', { method: 'POST', body: input }),
  update: (id: string, patch: TRoadmapItemPatch) =>
    request<TRoadmapItem>(itemPath(id), { method: 'PATCH', body: patch }),
  history: (id: string, signal?: AbortSignal) => request<TItemHistory>(`${itemPath(id)}/history`, { signal }),
  changes: (since: string, signal?: AbortSignal) =>
    request<TChanges>(`/roadmap/changes${query({ since })}`, { signal }),
  view: (audience: TAudience | undefined, version: ViewVersionParam, signal?: AbortSignal) =>
    request<TPublishedView>(`/roadmap/view${query({ audience, version })}`, { signal }),
  views: (signal?: AbortSignal) => request<TViewVersionList>('/roadmap/views', { signal }),
  /** What republishing the stakeholder view would send now (issue 17). */
  publishPreview: (note?: string, signal?: AbortSignal) =>
    request<TBroadcastPreview>(`/roadmap/view/publish-preview${query({ note })}`, { signal }),
  /** `undo` is set while its messages are held. */
  publish: (note?: string) =>
    request<TPublishedView & { undo: TBroadcastHeld | null }>('/roadmap/view/publish', {
      method: 'POST',
      body: note ? { note } : {},
    }),
  /** Items linked to a release or an insights theme (shown on those pages). */
  linkedTo: (link: { releaseId?: string; theme?: string }, signal?: AbortSignal) =>
    request<{ items: TRoadmapItem[] }>(`/roadmap/items${query({ ...link, limit: 100 })}`, { signal }),
  /** Decisions that link a release or an insights theme. */
  decisionsLinkedTo: (link: { releaseId?: string; theme?: string }, signal?: AbortSignal) =>
    request<{ items: TDecisionLogEntry[] }>(`/decisions${query({ ...link, limit: 50 })}`, { signal }),
  /** The decisions that link an item (the decision log's own filter). */
  decisionsFor: (itemId: string, signal?: AbortSignal) =>
    request<{ items: TDecisionLogEntry[] }>(`/decisions${query({ roadmapItemId: itemId, limit: 50 })}`, {
      signal,
    }),
};

/** C4: the Biweekly Roadmap Review (agenda, ratification, the republish SLA); republishing is roadmapApi's. */
export const reviewsApi = {
  list: (signal?: AbortSignal) => request<TReviewList>('/roadmap/reviews', { signal }),
  get: (occurrenceId: string, signal?: AbortSignal) => request<TReview>(review(occurrenceId), { signal }),
  start: (occurrenceId: string) => request<TReview>(`${review(occurrenceId)}/start`, { method: 'POST' }),
  close: (occurrenceId: string) => request<TReview>(`${review(occurrenceId)}/close`, { method: 'POST' }),
  assign: (occurrenceId: string, body: { title: string; ownerId: string }) =>
    request<TReview>(`${review(occurrenceId)}/actions`, { method: 'POST', body }),
  outcomePreview: (
    occurrenceId: string,
    q: { itemId: string; outcome: 'ratified' | 'rejected'; note?: string },
  ) => request<TBroadcastPreview>(`${review(occurrenceId)}/outcomes/preview${query({ ...q })}`),
  /** `undo` is set while the call's messages are held (undoable). */
  outcome: (
    occurrenceId: string,
    body: { itemId: string; outcome: 'ratified' | 'rejected'; note?: string },
  ) =>
    request<TReview & { undo: TBroadcastHeld | null }>(`${review(occurrenceId)}/outcomes`, {
      method: 'POST',
      body,
    }),
};
