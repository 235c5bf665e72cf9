import type { TStatusPingImport, TStatusRequestWeeks } from '../../shared/status.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2026-W10 to W13" (the year once when both weeks share it), "2025-W52 to 2026-W03", or the one week. */
export function weekRangeText(first: string, last: string): string {
  if (first === last) return first;
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return `${first} to ${sameYear ? last.slice(5) : last}`;
}

/**
 * The baseline and the change in words: "3.0 a week in the baseline weeks 2026-W10 to W13; 1 in 2026-W14,
 * 67% fewer." Null without any ping.
 */
export function trendText(r: TStatusRequestWeeks): string | null {
  const { baseline, latest, change } = r;
  if (!baseline || !latest || baseline.weeks.length === 0) return null;
  const weeks = baseline.weeks;
  const base = `${baseline.perWeek.toFixed(1)} a week in the baseline ${weeks.length === 1 ? 'week' : 'weeks'} ${weekRangeText(weeks[0]!, weeks[weeks.length - 1]!)}`;
  if (weeks.includes(latest.week))
    return `${base}. Every week so far is a baseline week: the change shows once later weeks are imported.`;
  const share = change === null ? null : Math.round(Math.abs(change) * 100);
  const compared =
    share === null ? '' : share === 0 ? ', as many' : `, ${share}% ${change! < 0 ? 'fewer' : 'more'}`;
  return `${base}; ${latest.pings} in ${latest.week}${compared}.`;
}

/** "Billing 2, Integrations 1": the areas asked about most that week (at most three). */
export const topAreasText = (byArea: TStatusRequestWeeks['weeks'][number]['byArea']): string =>
  byArea
    .slice(0, 3)
    .map((a) => `${a.areaName} ${a.pings}`)
    .join(', ');

/** "4 status pings found, 4 new" */
export const importText = (r: TStatusPingImport): string =>
  `${plural(r.found, 'status ping')} found, ${r.added} new`;
