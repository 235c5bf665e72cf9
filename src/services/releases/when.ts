import type { Db } from '../../db/client.ts';
import { stakeholderWhen } from '../../domain/releases/announce.ts';
import { UPCOMING_WINDOW_DAYS } from '../../domain/updates/highlights.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import type { TReleaseView, TStakeholderWhen } from '../../shared/releases.ts';
import { getSettings } from '../org/settings.ts';
import { shownItemsShipping } from '../roadmap/item-history.ts';

/** Each release with what stakeholders are told of its date (one read of the items shipping the lot). */
export async function withWhen<
  R extends Pick<TReleaseView, 'id' | 'targetDate' | 'status' | 'launchedOn' | 'distributedOn'>,
>(db: Db, views: R[], now: Date): Promise<(R & { when: TStakeholderWhen })[]> {
  if (!views.length) return [];
  const { timeZone } = await getSettings(db);
  const announceFrom = addDays(todayIn(timeZone, now), UPCOMING_WINDOW_DAYS);
  // The ratified range of the item shipping it; the link itself may be newer than the ratification.
  const ranges = new Map<string, { earliest: string; latest: string }>();
  for (const { shown, workingReleaseIds } of await shownItemsShipping(
    db,
    views.map((v) => v.id),
  ))
    for (const id of new Set([...shown.releaseIds, ...workingReleaseIds]))
      if (!ranges.has(id)) ranges.set(id, { earliest: shown.earliest, latest: shown.latest });
  return views.map((v) => ({ ...v, when: stakeholderWhen(v, announceFrom, ranges.get(v.id) ?? null) }));
}
