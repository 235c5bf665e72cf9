import { DISPOSITIONS, type TDisposition } from '../../../shared/insights.ts';
import { INSIGHT_KINDS, type InsightKind } from '../../../shared/insights-taxonomy.ts';
import type { TMe } from '../../../shared/org.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { keyWords } from '../../lib/labels.ts';

export const KIND_LABELS: Record<InsightKind, string> = {
  bug: 'Bug',
  feature_request: 'Feature request',
  confusion: 'Confusion',
  complaint: 'Complaint',
  praise: 'Praise',
  other: 'Other',
};

/** The order the 1–6 keys follow. */
export const KIND_OPTIONS = INSIGHT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }));

export const DISPOSITION_LABELS: Record<TDisposition, string> = {
  backlog: 'Add to backlog',
  needs_research: 'Needs more research',
  already_addressed: 'Already addressed',
  wont_do: "Won't do",
};

export const DISPOSITION_OPTIONS = DISPOSITIONS.map((d) => ({ value: d, label: DISPOSITION_LABELS[d] }));

export type Taxonomy = TSettings['insights'];

/** A key's label in one of the taxonomy's lists; the key itself when the org removed it since. */
export const labelIn = (list: readonly { key: string; label: string }[], key: string | null): string =>
  key === null ? '' : (list.find((x) => x.key === key)?.label ?? key);

/** "High (blocking/churning)" → "High": chips and bars want the short word. */
export const shortLabel = (label: string): string => label.replace(/\s*\(.*\)\s*$/, '');

export const percent = (confidence: number): string => `${Math.round(confidence * 100)}%`;

/** Product Ops, Head of Product and admins: the API's insights_admin policy. */
export const managesInsights = (me: TMe): boolean =>
  me.roles.some((r) => r === 'product_ops' || r === 'head_of_product' || r === 'admin');

/** Whoever may correct tags (the API's insight policy): managers and PMs. */
export const triagesInsights = (me: TMe): boolean => managesInsights(me) || me.roles.includes('pm');

/** Severity position on the org's scale (0 = least severe), for colours that darken with it. */
export const severityRank = (tax: Taxonomy, key: string): number =>
  Math.max(
    0,
    tax.severities.findIndex((s) => s.key === key),
  );

/** "+12% on the previous 30 days", "new this window", "no change". */
export function trendText(trendPct: number | null, days: number): string {
  if (trendPct === null) return `new: nothing in the ${days} days before`;
  if (trendPct === 0) return `no change on the previous ${days} days`;
  return `${trendPct > 0 ? '+' : ''}${trendPct}% on the previous ${days} days`;
}

/** A count map sorted largest first: segments, areas, kinds. */
export const ranked = (counts: Record<string, number>): [string, number][] =>
  Object.entries(counts).sort((a, b) => b[1] - a[1]);

/**
 * A saved correction in words for the live region: "kind feature request, area Billing" (the area by its name,
 * never its id; a theme or severity key in words).
 */
export function correctionWords(
  patch: { kind?: InsightKind; theme?: string | null; severity?: string; areaId?: string | null },
  item: { areaName: string | null },
): string {
  const words: string[] = [];
  if (patch.kind !== undefined) words.push(`kind ${KIND_LABELS[patch.kind].toLowerCase()}`);
  if (patch.theme !== undefined) words.push(`theme ${patch.theme === null ? 'none' : keyWords(patch.theme)}`);
  if (patch.severity !== undefined) words.push(`severity ${keyWords(patch.severity)}`);
  if (patch.areaId !== undefined)
    words.push(`area ${patch.areaId === null ? 'none' : (item.areaName ?? 'none')}`);
  return words.join(', ');
}
