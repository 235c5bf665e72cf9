import type { z } from 'zod';
import type { TBroadcastHeld, TBroadcastPreview } from '../shared/broadcasts.ts';
import type {
  TDigest,
  TDigestList,
  TDispositionInput,
  TInsightCorrection,
  TInsightItem,
  TInsightList,
  TInsightPatch,
  TIntakeResult,
  TPublishedDigest,
  TRouting,
  TRoutingAssignInput,
  TRoutingList,
  TThemeDetail,
  TTopThemes,
  TTriageResult,
  ZIntakeItem,
} from '../shared/insights.ts';
import { query, request } from './api-client.ts';

export interface InsightFilter {
  kind?: string;
  theme?: string;
  severity?: string;
  areaId?: string;
  source?: string;
  groupId?: string;
  /** "false": only items nobody reviewed yet. */
  reviewed?: 'false';
  q?: string;
}

/** One item as the webhook and the web form send it. */
export type IntakeItem = z.input<typeof ZIntakeItem>;

const id = (x: string | number) => encodeURIComponent(String(x));

/** C6 under /api/v1/insights: intake, the inbox and corrections, themes, routing, digests. */
export const insightsApi = {
  send: (source: string, items: IntakeItem[]) =>
    request<TIntakeResult>('/insights/intake', { method: 'POST', body: { source, items } }),
  list: (f: InsightFilter & { limit?: number; before?: number | null }, signal?: AbortSignal) =>
    request<TInsightList>(`/insights${query({ ...f })}`, { signal }),
  get: (itemId: number, signal?: AbortSignal) => request<TInsightItem>(`/insights/${id(itemId)}`, { signal }),
  correct: (itemId: number, patch: TInsightPatch) =>
    request<TInsightCorrection>(`/insights/${id(itemId)}`, {
      method: 'PATCH',
      body: patch,
    }),
  themes: (days: number, signal?: AbortSignal) =>
    request<TTopThemes>(`/insights/themes${query({ days, limit: 10 })}`, { signal }),
  theme: (theme: string, days: number, signal?: AbortSignal) =>
    request<TThemeDetail>(`/insights/themes/${id(theme)}${query({ days })}`, { signal }),
  triage: (week?: string) =>
    request<TTriageResult>('/insights/triage', { method: 'POST', body: week ? { week } : {} }),
  routings: (f: { week?: string; open?: boolean; mine?: boolean }, signal?: AbortSignal) =>
    request<TRoutingList>(
      `/insights/routings${query({
        week: f.week,
        open: f.open ? 'true' : undefined,
        mine: f.mine ? 'true' : undefined,
      })}`,
      { signal },
    ),
  dispose: (routingId: string, input: TDispositionInput) =>
    request<TRouting>(`/insights/routings/${id(routingId)}/disposition`, { method: 'POST', body: input }),
  assign: (routingId: string, input: TRoutingAssignInput) =>
    request<TRouting>(`/insights/routings/${id(routingId)}/assign`, { method: 'POST', body: input }),
  digests: (signal?: AbortSignal) => request<TDigestList>('/insights/digests', { signal }),
  digest: (month: string, signal?: AbortSignal) =>
    request<TDigest>(`/insights/digests/${id(month)}`, { signal }),
  /** What publishing the month's digest would send now (issue 17). */
  publishDigestPreview: (month: string, signal?: AbortSignal) =>
    request<TBroadcastPreview>(`/insights/digests/${id(month)}/publish-preview`, { signal }),
  /** `undo` is set while its messages are held. */
  publishDigest: (month: string) =>
    request<TPublishedDigest & { undo: TBroadcastHeld | null }>(`/insights/digests/${id(month)}/publish`, {
      method: 'POST',
    }),
};
