import { dayText } from '../roadmap/follow-release.ts';
import { rangeText } from '../roadmap/quarters.ts';

export interface AnnounceFacts {
  targetDate: string;
  status: string;
  launchedOn: string | null;
  distributedOn: string | null;
}

/** What stakeholders are told of a launch's date: the day, or a range while it is not a commitment yet. */
export interface StakeholderWhen {
  exact: boolean;
  text: string;
}

/**
 * A launch date is a commitment once it is announced: the release launched, its enablement bundle went out (which
 * names the day), or it falls in the weekly update's "next 2 weeks". Before that, stakeholders read a range, as
 * the pack's roadmap rule says: the roadmap item's ratified range if it has one, else the part of the month.
 */
export function stakeholderWhen(
  r: AnnounceFacts,
  announceFrom: string,
  itemRange: { earliest: string; latest: string } | null,
): StakeholderWhen {
  const day = r.status === 'launched' ? (r.launchedOn ?? r.targetDate) : r.targetDate;
  if (r.status === 'launched' || r.distributedOn !== null || day <= announceFrom)
    return { exact: true, text: dayText(day) };
  const range = itemRange ?? { earliest: day, latest: day };
  return { exact: false, text: rangeText(range.earliest, range.latest) };
}
