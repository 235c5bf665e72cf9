/**
 * The confused-customer figure and Polish Mode in words (issue 15, velocity framework): the area page, the areas
 * list and the release page say them alike.
 */
import { localDateTime } from '../../shared/calendar.ts';
import type { TAreaQuality, TAreaQualityList } from '../../shared/quality.ts';
import type { TGate } from '../../shared/release-detail.ts';
import { formatLocalDate } from './org-time.ts';

type Figure = TAreaQuality['confusion']['current'];
type Polish = NonNullable<TAreaQuality['confusion']['polishMode']>;
type Rule = TAreaQualityList['rule'];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "38.2%", "20%". */
export const formatPct = (pct: number): string => `${Number.isInteger(pct) ? pct : pct.toFixed(1)}%`;

/** "38.2% of support tickets were confused customers in the last 28 days — 13 of 34; threshold 20%". */
export function figureText(f: Figure, rule: Rule): string {
  const window = `in the last ${plural(rule.windowDays, 'day')}`;
  const threshold = `threshold ${formatPct(rule.thresholdPct)}`;
  if (!f.enough || f.pct === null)
    return `Too few support tickets to judge ${window} (${f.tickets} of at least ${rule.minTickets}); ${threshold}`;
  return `${formatPct(f.pct)} of support tickets were confused customers ${window} — ${f.confused} of ${f.tickets}; ${threshold}`;
}

/** "Thu 19 Nov 2026 (Europe/Berlin)": a day of the org's calendar, its zone named. */
export const orgDay = (day: string, timeZone: string): string =>
  `${formatLocalDate(day, true)} (${timeZone})`;

/** "In Polish Mode since …; leaves on … at the earliest if the figure stays at or under 20%". */
export function polishText(p: Polish, rule: Rule, timeZone: string): string {
  return (
    `In Polish Mode since ${orgDay(p.since, timeZone)}; leaves on ${orgDay(p.leavesOn, timeZone)} at the ` +
    `earliest if the figure stays at or under ${formatPct(rule.thresholdPct)}`
  );
}

/** What counts as a support ticket and how many the figure needs, in one sentence. */
export function ruleText(rule: Rule): string {
  const sources = rule.supportSources.map((s) => `“${s}”`).join(', ');
  const noun = rule.supportSources.length === 1 ? 'source' : 'sources';
  return (
    `A support ticket is a feedback item from the ${noun} ${sources}; the figure is judged only with at least ` +
    `${plural(rule.minTickets, 'ticket')} in the last ${plural(rule.windowDays, 'day')}, and an area leaves ` +
    `Polish Mode once it has stayed at or under ${formatPct(rule.thresholdPct)} for ${plural(rule.polishMinDays, 'day')}.`
  );
}

/** The day an instant falls on in the org's zone ("Thu 19 Nov 2026"). */
export const orgDate = (iso: string, timeZone: string): string =>
  formatLocalDate(localDateTime(new Date(iso), timeZone).date, true);

/** A trend week as a chart bar: too few tickets is no figure, not 0%. */
export function trendBar(f: Figure) {
  return {
    key: f.day,
    label: `${daysBetween(f.from, f.day)} days to ${formatLocalDate(f.day)}`,
    value: f.enough ? f.pct : null,
    detail: `${f.confused} of ${plural(f.tickets, 'ticket')}`,
  };
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The release page's banner, from the gate's Polish Mode check when it holds (or was let through). */
export function polishBannerFromGate(gate: TGate, areaName: string | null): string | null {
  const check = gate.checks.find((c) => c.id === 'polish_mode');
  if (!check || (check.ok && !check.overridden)) return null;
  return polishBanner(areaName ?? 'The area');
}

export const polishBanner = (areaName: string): string =>
  `${areaName} is in Polish Mode: only bug fixes, copy changes and invisible backend changes ship`;

type Burden = TAreaQuality['burden']['current'];

/** "14.2 support tickets per 1,000 active users in the last 30 days — 213 tickets, 15,000 users; threshold 10". */
export function burdenText(b: Burden, rule: Rule, days = 30): string {
  const threshold = `threshold ${rule.burdenPer1k}`;
  if (b.per1k === null || b.users === null)
    return `No active users recorded for this area, so no operational burden yet (${plural(b.tickets, 'support ticket')} in the last ${days} days); ${threshold}`;
  return (
    `${b.per1k} support tickets per 1,000 active users in the last ${days} days — ` +
    `${plural(b.tickets, 'ticket')}, ${b.users.toLocaleString('en-US')} active users; ${threshold}`
  );
}
