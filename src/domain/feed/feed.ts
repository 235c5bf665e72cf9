import { addMonths, MONTH_NAMES } from '../../shared/calendar.ts';
import type { TFeedAudience, TFeedEntry, TFeedMonth } from '../../shared/feed.ts';
import type { TAudience } from '../../shared/roadmap.ts';
import type { DatedItem } from '../roadmap/follow-release.ts';

/**
 * The reader's audience from their function, as the home picks sections (home.ts): Sales and Marketing read as
 * Sales, Support and CS as themselves, Exec as Exec; the product org and other functions read everything.
 */
export function readerAudience(fn: string | null): TFeedAudience {
  if (fn === 'sales' || fn === 'marketing') return 'sales';
  if (fn === 'support' || fn === 'cs' || fn === 'exec') return fn;
  return 'all';
}

/**
 * Who a launch is announced to: the tier's `announceTo` (Marketing with Sales), CS with Support (they answer the
 * same customers, as the home gives both the Support section), and Exec for a Tier 3 (High) launch.
 */
export function launchAudiences(announceTo: readonly string[], tier: number): TAudience[] {
  const told = new Set(announceTo);
  const out: TAudience[] = [];
  if (told.has('sales') || told.has('marketing')) out.push('sales');
  if (told.has('support')) out.push('support');
  if (told.has('cs') || told.has('support')) out.push('cs');
  if (tier === 3) out.push('exec');
  return out;
}

export const visibleTo = (e: Pick<TFeedEntry, 'audiences'>, audience: TFeedAudience): boolean =>
  audience === 'all' || e.audiences.includes(audience);

export const monthOf = (date: string): string => date.slice(0, 7);
const firstOf = (month: string): string => `${month}-01`;
export const monthsBefore = (month: string, n: number): string => monthOf(addMonths(firstOf(month), -n));

/** "November 2026" */
export const monthLabel = (month: string): string =>
  `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/**
 * The day a roadmap item sits on in the feed: the day its release launched once Shipped; otherwise what is
 * coming never sits in the past, so an item still open sits at its earliest day or today, whichever is later.
 */
export function itemDay(item: DatedItem, launchedOn: string | null, today: string): string {
  if (item.status === 'shipped') return launchedOn ?? (item.latest < today ? item.latest : today);
  return item.earliest > today ? item.earliest : today;
}

/**
 * Entries by month, newest month first, from `newest` back to `oldest` (both "YYYY-MM"): a month with nothing in
 * it is left out, except the current one (it says so). Within a month the latest day comes first.
 */
export function byMonth(
  entries: readonly TFeedEntry[],
  today: string,
  range: { newest: string; oldest: string },
): TFeedMonth[] {
  const current = monthOf(today);
  const out: TFeedMonth[] = [];
  for (let m = range.newest; m >= range.oldest; m = monthsBefore(m, 1)) {
    const inMonth = entries
      .filter((e) => monthOf(e.date) === m)
      .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
    if (!inMonth.length && m !== current) continue;
    const when = m === current ? 'current' : m > current ? 'upcoming' : 'past';
    out.push({ month: m, label: monthLabel(m), when, entries: inMonth });
  }
  return out;
}
