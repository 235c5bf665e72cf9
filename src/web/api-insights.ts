import type { z } from 'zod';
import type { TDispositionInput, TInsightPatch, ZIntakeItem } from '../shared/insights.ts';
import type { InsightKind } from '../shared/insights-taxonomy.ts';
import { query, request } from './api-client.ts';

export type { InsightKind };
export type Disposition = TDispositionInput['disposition'];

export interface InsightItem {
  id: number;
  source: string;
  externalId: string;
  title: string;
  body: string;
  customer: string | null;
  segment: string | null;
  evidenceType: string | null;
  occurredAt: string;
  kind: InsightKind;
  kindConfidence: number;
  theme: string | null;
  themeConfidence: number;
  severity: string;
  severityConfidence: number;
  areaId: string | null;
  areaName: string | null;
  areaConfidence: number;
  /** The tags a person set or confirmed ("kind", "theme", "severity", "area"); empty = not reviewed yet. */
  correctedTags: string[];
  /** Near-duplicates share it. */
  groupId: string | null;
}

export interface InsightList {
  items: InsightItem[];
  nextBefore: number | null;
}

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

export interface IntakeResult {
  importId: string;
  read: number;
  inserted: number;
  alreadyThere: number;
  bad: number;
  errors: { line: number; error: string }[];
}

export interface Quote {
  id: number;
  title: string;
  body: string;
  severity: string;
  source: string;
  customer: string | null;
  occurredAt: string;
  /** How many near-duplicates the quote stands for ("+N similar"). */
  duplicates: number;
}

export interface ThemeSummary {
  theme: string;
  label: string;
  volume: number;
  score: number;
  previous: number;
  trendPct: number | null;
  severity: Record<string, number>;
  segments: Record<string, number>;
  areas: Record<string, number>;
  kinds: Record<string, number>;
}

export interface Window {
  from: string;
  to: string;
}

export interface TopThemes {
  window: Window;
  themes: (ThemeSummary & { quotes: Quote[] })[];
}

export interface ThemeDetail {
  theme: string;
  label: string;
  window: Window;
  summary: ThemeSummary | null;
  trend: { week: string; severity: string; items: number }[];
  quotes: Quote[];
}

export interface Routing {
  id: string;
  week: string;
  theme: string;
  rank: number;
  areaId: string | null;
  areaName: string | null;
  ownerId: string | null;
  evidence: ThemeSummary & { window?: Window; quotes: Quote[] };
  crossArea: string[];
  routedAt: string;
  disposition: Disposition | null;
  rationale: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  escalatedOccurrenceId: string | null;
}

export interface TriageResult {
  week: string;
  window: Window;
  routed: string[];
  routings: Routing[];
}

export interface DigestSummary {
  month: string;
  version: number;
  title: string;
  publishedAt: string;
}

export interface Digest {
  month: string;
  version: number;
  title: string;
  markdown: string;
  json: unknown;
  publishedAt: string;
  publishedBy: string;
}

const id = (x: string | number) => encodeURIComponent(String(x));

/** C6 under /api/v1/insights: intake, the inbox and corrections, themes, routing, digests. */
export const insightsApi = {
  send: (source: string, items: IntakeItem[]) =>
    request<IntakeResult>('/insights/intake', { method: 'POST', body: { source, items } }),
  list: (f: InsightFilter & { limit?: number; before?: number | null }, signal?: AbortSignal) =>
    request<InsightList>(`/insights${query({ ...f })}`, { signal }),
  get: (itemId: number, signal?: AbortSignal) => request<InsightItem>(`/insights/${id(itemId)}`, { signal }),
  correct: (itemId: number, patch: TInsightPatch) =>
    request<{ item: InsightItem; applied: number }>(`/insights/${id(itemId)}`, {
      method: 'PATCH',
      body: patch,
    }),
  themes: (days: number, signal?: AbortSignal) =>
    request<TopThemes>(`/insights/themes${query({ days, limit: 10 })}`, { signal }),
  theme: (theme: string, days: number, signal?: AbortSignal) =>
    request<ThemeDetail>(`/insights/themes/${id(theme)}${query({ days })}`, { signal }),
  triage: (week?: string) =>
    request<TriageResult>('/insights/triage', { method: 'POST', body: week ? { week } : {} }),
  routings: (f: { week?: string; open?: boolean; mine?: boolean }, signal?: AbortSignal) =>
    request<{ items: Routing[] }>(
      `/insights/routings${query({
        week: f.week,
        open: f.open ? 'true' : undefined,
        mine: f.mine ? 'true' : undefined,
      })}`,
      { signal },
    ),
  dispose: (routingId: string, input: TDispositionInput) =>
    request<Routing>(`/insights/routings/${id(routingId)}/disposition`, { method: 'POST', body: input }),
  digests: (signal?: AbortSignal) => request<{ items: DigestSummary[] }>('/insights/digests', { signal }),
  digest: (month: string, signal?: AbortSignal) =>
    request<Digest>(`/insights/digests/${id(month)}`, { signal }),
  publishDigest: (month: string) =>
    request<{ month: string; version: number }>(`/insights/digests/${id(month)}/publish`, { method: 'POST' }),
};
