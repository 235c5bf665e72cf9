import type {
  TTrackerDifference,
  TTrackerKind,
  TTrackerLinkInput,
  TTrackerPanel,
  TTrackerSubject,
} from '../shared/trackers.ts';
import { request } from './api-client.ts';

const base = (type: TTrackerSubject, id: string) =>
  `${type === 'release' ? '/releases' : '/roadmap/items'}/${encodeURIComponent(id)}/tracker`;

/** Issue 18: a release's or roadmap item's tracker link (GitHub milestone, Jira epic or version), its last pull and differences. */
export const trackersApi = {
  panel: (type: TTrackerSubject, id: string, signal?: AbortSignal) =>
    request<TTrackerPanel>(base(type, id), { signal }),
  link: (type: TTrackerSubject, id: string, input: TTrackerLinkInput) =>
    request<TTrackerPanel>(`${base(type, id)}/link`, { method: 'POST', body: input }),
  unlink: (type: TTrackerSubject, id: string) =>
    request<TTrackerPanel>(`${base(type, id)}/unlink`, { method: 'POST' }),
  acknowledge: (kind: TTrackerKind, differenceId: string) =>
    request<TTrackerDifference>(
      `/integrations/${kind}/differences/${encodeURIComponent(differenceId)}/acknowledge`,
      { method: 'POST' },
    ),
};
