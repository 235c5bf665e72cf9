import type { TReleaseStatus } from '../../shared/releases.ts';
import type { TRoadmapItemState } from '../../shared/roadmap.ts';
import { rangeText } from './quarters.ts';

export interface LinkedRelease {
  title: string;
  status: TReleaseStatus;
  targetDate: string;
  launchedOn: string | null;
}

/** What following a release reads of an item: a ratified state, or a published view's item. */
export type DatedItem = Pick<TRoadmapItemState, 'status' | 'earliest' | 'latest'>;

export interface Follow {
  /** The item's new working state fields (empty: it already agrees with the release). */
  patch: Partial<Pick<TRoadmapItemState, 'status' | 'earliest' | 'latest'>>;
  /** Why, in words: the version's note and the flag sent to the PM and Product Ops. */
  reasons: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const dayText = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/**
 * One "when" per thing: a roadmap item follows the release it ships with. A launched release makes the item
 * Shipped; a launch or target date outside the item's window widens the window to hold it. The result is a working
 * change: stakeholders keep the ratified version until the Roadmap Review decides.
 */
export function followRelease(item: DatedItem, r: LinkedRelease): Follow {
  if (r.status === 'rolled_back' || item.status === 'dropped') return { patch: {}, reasons: [] };
  const launched = r.status === 'launched';
  const date = launched ? (r.launchedOn ?? r.targetDate) : r.targetDate;
  const patch: Follow['patch'] = {};
  const reasons: string[] = [];
  if (launched && item.status !== 'shipped') {
    patch.status = 'shipped';
    reasons.push(`${r.title} launched on ${dayText(date)}`);
  }
  if (date < item.earliest || date > item.latest) {
    // ISO dates sort as text: the widened window runs from the first of the three days to the last.
    const days = [date, item.earliest, item.latest].sort();
    patch.earliest = days[0]!;
    patch.latest = days[2]!;
    const verb = launched ? 'launched on' : 'targets';
    if (!reasons.length || !launched)
      reasons.push(
        `${r.title} ${verb} ${dayText(date)}, outside the roadmap window ${rangeText(item.earliest, item.latest)}`,
      );
    else reasons[0] += `, outside the roadmap window ${rangeText(item.earliest, item.latest)}`;
  }
  return { patch, reasons };
}

/**
 * What a stakeholder reads of a ratified item: a launch is a fact, not a plan, so a launched release shows its item
 * Shipped at once; a moved date waits for the Roadmap Review.
 */
export function withLaunches<T extends DatedItem>(item: T, linked: readonly LinkedRelease[]): T {
  let shown = item;
  for (const r of linked.filter((x) => x.status === 'launched'))
    shown = { ...shown, ...followRelease(shown, r).patch };
  return shown;
}
