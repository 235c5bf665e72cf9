/**
 * Query keys by resource: the first element names what the server holds, the rest narrows it (['releases', id],
 * ['releases', 'list', filter], ['roadmap', 'views', audience]). A write invalidates a prefix — ['releases'] is
 * every release query — so the pages that show what changed read it again, however deep they sit.
 */
export type Resource =
  | 'areas'
  | 'audit'
  | 'bets'
  | 'broadcasts'
  | 'cadence'
  | 'channels'
  | 'charter'
  | 'decisions'
  | 'delivery'
  | 'feed'
  | 'frictions'
  | 'home'
  | 'inbox'
  | 'insights'
  | 'metrics'
  | 'overview'
  | 'people'
  | 'plan'
  | 'pods'
  | 'preferences'
  | 'qbr'
  | 'releases'
  | 'roadmap'
  | 'settings'
  | 'status-requests'
  | 'surveys'
  | 'tokens'
  | 'trackers'
  | 'updates'
  | 'velocity'
  | 'webhooks';

export type ResourceKey = readonly [Resource, ...unknown[]];

/** What a write to one release changes: the release, every list and calendar of releases, the home page. */
export const RELEASE_CHANGES: readonly ResourceKey[] = [['releases'], ['home']];
/** A release's status, date or link also moves what the roadmap shows (items follow their release). */
export const RELEASE_AND_ROADMAP_CHANGES: readonly ResourceKey[] = [...RELEASE_CHANGES, ['roadmap']];
/** A roadmap write or publication: every roadmap page, and the home page's roadmap lines. */
export const ROADMAP_CHANGES: readonly ResourceKey[] = [['roadmap'], ['home']];
/** A ritual: the cadence pages and calendar, the frictions it maps to, the home page's week. */
export const CADENCE_CHANGES: readonly ResourceKey[] = [['cadence'], ['frictions'], ['home']];
/** A friction: the frictions page and the QBR draft that lists them. */
export const FRICTION_CHANGES: readonly ResourceKey[] = [['frictions'], ['qbr']];
/** A digest's publication or its undo: the insights pages and the home page. */
export const DIGEST_CHANGES: readonly ResourceKey[] = [['insights'], ['home']];
/** A tracker connection or a difference acknowledged: Settings → Trackers and every tracker panel. */
export const TRACKER_CHANGES: readonly ResourceKey[] = [['trackers']];
/** A sync also brings bugs (areas' backlogs, metrics) and customer feedback (insights) in, and the home's lines. */
export const TRACKER_SYNC_CHANGES: readonly ResourceKey[] = [
  ['trackers'],
  ['areas'],
  ['insights'],
  ['metrics'],
  ['home'],
];
