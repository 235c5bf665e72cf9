import type {
  TCharter,
  TCharterContent,
  TFriction,
  TFrictionInput,
  TFrictionList,
  TFrictionPatch,
  TQbr,
  TQbrPublishInput,
  TQbrVersion,
} from '../shared/charter.ts';
import { request } from './api-client.ts';

interface QbrIndex {
  current: string;
  items: { quarter: string; version: number; title: string; publishedAt: string }[];
}
interface CharterVersions {
  items: { version: number; savedAt: string; savedBy: string; changed: string[] }[];
}

/** Issue 16: the charter (everyone), the top frictions and the quarterly QBR (the product org's). */
export const charterApi = {
  get: (signal?: AbortSignal) => request<TCharter>('/charter', { signal }),
  versions: (signal?: AbortSignal) => request<CharterVersions>('/charter/versions', { signal }),
  save: (content: TCharterContent) => request<TCharter>('/charter', { method: 'PUT', body: content }),
  markdownUrl: '/api/v1/charter.md',
  frictions: (signal?: AbortSignal) => request<TFrictionList>('/frictions', { signal }),
  addFriction: (input: TFrictionInput) => request<TFriction>('/frictions', { method: 'POST', body: input }),
  updateFriction: (id: string, patch: TFrictionPatch) =>
    request<TFriction>(`/frictions/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  rank: (ids: string[]) => request<TFrictionList>('/frictions/ranking', { method: 'PUT', body: { ids } }),
  qbrIndex: (signal?: AbortSignal) => request<QbrIndex>('/qbr', { signal }),
  qbr: (quarter: string, signal?: AbortSignal) =>
    request<TQbr>(`/qbr/${encodeURIComponent(quarter)}`, { signal }),
  qbrVersion: (quarter: string, version: number, signal?: AbortSignal) =>
    request<TQbrVersion>(`/qbr/${encodeURIComponent(quarter)}/versions/${version}`, { signal }),
  publishQbr: (quarter: string, input: TQbrPublishInput) =>
    request<TQbrVersion>(`/qbr/${encodeURIComponent(quarter)}/publish`, { method: 'POST', body: input }),
};

/** A textarea's lines, trimmed, without the empty ones: how the pages edit lists. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
