import type { TBroadcastHeld, TBroadcastPreview } from '../shared/broadcasts.ts';
import type {
  TBoard,
  TFollowUpList,
  TPublishCheck,
  TSubmission,
  TSubmissionPair,
  TUpdateArtifact,
  TUpdateContent,
  TUpdatesList,
} from '../shared/updates.ts';
import { query, request } from './api-client.ts';

export type UpdateSectionKey = Exclude<keyof TUpdateContent, 'nothingThisWeek'>;

/** The five bullets of the pack's template, in order, labelled exactly as the template says. */
export const UPDATE_SECTIONS: readonly { key: UpdateSectionKey; label: string }[] = [
  { key: 'wins', label: 'Wins / shipped' },
  { key: 'next', label: "What's next" },
  { key: 'risks', label: 'Risks / asks' },
  { key: 'metrics', label: 'Metrics snapshot' },
  { key: 'links', label: 'Links (PRDs/specs/notes)' },
];

const weekPath = (week: string) => `/updates/${encodeURIComponent(week)}`;
const areaPath = (week: string, areaId: string) => `${weekPath(week)}/areas/${encodeURIComponent(areaId)}`;

/** C3: the weekly product update: board, submissions, publication, the archive. */
export const updatesApi = {
  list: (q: string, signal?: AbortSignal) => request<TUpdatesList>(`/updates${query({ q })}`, { signal }),
  board: (week: string, signal?: AbortSignal) => request<TBoard>(weekPath(week), { signal }),
  artifact: (week: string, version: number | null, signal?: AbortSignal) =>
    request<TUpdateArtifact>(`${weekPath(week)}/artifact${query({ format: 'json', version })}`, { signal }),
  submission: (week: string, areaId: string, signal?: AbortSignal) =>
    request<TSubmissionPair>(areaPath(week, areaId), { signal }),
  submit: (week: string, areaId: string, content: TUpdateContent) =>
    request<TSubmission>(areaPath(week, areaId), { method: 'PUT', body: { content } }),
  markAbsent: (week: string, areaId: string, reason: string) =>
    request<void>(`${areaPath(week, areaId)}/absence`, { method: 'POST', body: { reason } }),
  publishCheck: (week: string, signal?: AbortSignal) =>
    request<TPublishCheck>(`${weekPath(week)}/publish-check`, { signal }),
  /** What Publish would send now (a correction's note, if written, is in it). */
  publishPreview: (week: string, note?: string, signal?: AbortSignal) =>
    request<TBroadcastPreview>(`${weekPath(week)}/publish-preview${query({ note: note || undefined })}`, {
      signal,
    }),
  /** `note` says what a correction changes (required for one); `undo` is set while its messages are held. */
  publish: (week: string, note?: string) =>
    request<TUpdateArtifact & { undo: TBroadcastHeld | null }>(`${weekPath(week)}/publish`, {
      method: 'POST',
      body: note ? { note } : {},
    }),
  openFollowUps: (signal?: AbortSignal) =>
    request<TFollowUpList>(`/follow-ups${query({ status: 'open' })}`, { signal }),
  closeFollowUp: (id: string) =>
    request<void>(`/follow-ups/${encodeURIComponent(id)}/close`, { method: 'POST' }),
};
