import type { Db } from '../../db/client.ts';
import { diffRoadmap } from '../../domain/roadmap/changes.ts';
import { localInstant } from '../../shared/calendar.ts';
import { localTimeText } from '../cadence/reminders.ts';
import { getSettings } from '../org/settings.ts';
import { currentStates, ratifiedStates, statesAt } from './item-history.ts';
import type { Reader } from './item-reads.ts';
import { lastReviewClosedAt } from './reviews.ts';
import { publishedView } from './view.ts';

/**
 * What changed since a date (its start in the org's time zone) or since the last review closed, between the
 * roadmap as it stood then and as it stands now. With no review yet, "last review" means the beginning.
 * A stakeholder compares what was ratified then with what is ratified now, among the items they may read: no
 * unratified change, and no internal item, is named or hinted at.
 */
export async function whatChanged(db: Db, since: string, reader: Reader = 'org') {
  const settings = await getSettings(db);
  let at: Date;
  let sinceLabel: string;
  if (since === 'last-review') {
    // Before the first review closes, the last published view is the nearest thing stakeholders agreed on.
    const closed = await lastReviewClosedAt(db);
    const published = closed ? null : await publishedView(db);
    at = closed ?? published?.publishedAt ?? new Date(0);
    sinceLabel = closed
      ? `the last review (${localTimeText(closed, settings.timeZone)})`
      : published
        ? `the roadmap view was last published (${localTimeText(published.publishedAt, settings.timeZone)})`
        : 'the start (no review yet)';
  } else {
    at = localInstant(since, '00:00', settings.timeZone);
    sinceLabel = since;
  }
  const fy = settings.roadmap.fiscalYearStartMonth;
  const changes =
    reader === 'org'
      ? diffRoadmap(await statesAt(db, at), await currentStates(db), fy)
      : diffRoadmap(await ratifiedStates(db, reader, at), await ratifiedStates(db, reader), fy);
  return { since: at.toISOString(), sinceLabel, changes };
}
