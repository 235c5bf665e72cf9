import type {
  TGithubConnectionInput,
  TSyncResult,
  TTrackerConnection,
  TTrackerConnectionReply,
  TTrackerDifference,
  TTrackerKind,
  TTrackerLinkInput,
  TTrackerPanel,
  TTrackerSubject,
} from '../shared/trackers.ts';
import { request } from './api-client.ts';

const base = (type: TTrackerSubject, id: string) =>
  `${type === 'release' ? '/releases' : '/roadmap/items'}/${encodeURIComponent(id)}/tracker`;

/**
 * Issue 18: the org's tracker connections (Settings → Trackers) and a release's or roadmap item's tracker link
 * (GitHub milestone, Jira epic or version, Linear project), its last pull and differences.
 */
export const trackersApi = {
  connection: (kind: TTrackerKind, signal?: AbortSignal) =>
    request<TTrackerConnectionReply>(`/integrations/${kind}`, { signal }),
  /** The three kinds take the same fields (each checks its own token's form). */
  setConnection: (kind: TTrackerKind, input: TGithubConnectionInput) =>
    request<TTrackerConnection>(`/integrations/${kind}`, { method: 'PUT', body: input }),
  sync: (kind: TTrackerKind) => request<TSyncResult>(`/integrations/${kind}/sync`, { method: 'POST' }),
  differences: (kind: TTrackerKind, signal?: AbortSignal) =>
    request<{ differences: TTrackerDifference[] }>(`/integrations/${kind}/differences`, { signal }),
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
