import { PAYLOADS } from './xss-payloads.ts';
import type { Seeded } from './xss-seed.ts';

/** The pages the XSS test (xss.test.ts) opens: every page of the app, and the ones that reflect their URL. */

export interface Route {
  path: string;
  /**
   * The page must show at least one payload as text besides the org name in the layout (for Product Ops
   * only: 'ops', where a stakeholder is shown a "not allowed" notice).
   */
  showsPayload?: boolean | 'ops';
  /** Load it from the server (a full page load), not by the app's own navigation. */
  reload?: boolean;
}

/** Every page of the app (app.tsx), the detail pages on what the seed wrote. */
export function routes(s: Seeded): Route[] {
  return [
    { path: '/' },
    { path: '/org' },
    { path: '/people', showsPayload: true },
    { path: `/people/${s.personId}`, showsPayload: true },
    { path: '/areas', showsPayload: true },
    { path: `/areas/${s.areaId}`, showsPayload: true },
    { path: '/pods', showsPayload: true },
    { path: `/pods/${s.podId}`, showsPayload: true },
    { path: '/cadence', showsPayload: true },
    { path: `/cadence/rituals/${s.ritualId}`, showsPayload: true },
    { path: `/cadence/occurrences/${s.occurrenceId}`, showsPayload: true },
    { path: '/updates', showsPayload: true },
    { path: `/updates/${s.week}`, showsPayload: true },
    { path: `/updates/${s.week}/areas/${s.areaId}`, showsPayload: true },
    { path: '/roadmap', showsPayload: true },
    { path: `/roadmap/items/${s.roadmapItemId}`, showsPayload: true },
    { path: '/roadmap/changes' },
    { path: '/roadmap/view', showsPayload: true },
    { path: '/roadmap/reviews' },
    // The review is the product org's meeting: a stakeholder is shown a "not allowed" notice.
    { path: `/roadmap/reviews/${s.reviewOccurrenceId}`, showsPayload: 'ops' },
    { path: '/decisions', showsPayload: true },
    { path: `/decisions/${s.decisionId}`, showsPayload: true },
    { path: '/releases', showsPayload: true },
    { path: '/releases/calendar' },
    { path: `/releases/calendar?month=${s.releaseMonth}`, showsPayload: true, reload: true },
    { path: `/releases/${s.releaseId}`, showsPayload: true },
    { path: `/releases/${s.launchedReleaseId}`, showsPayload: true, reload: true },
    { path: '/insights', showsPayload: true },
    { path: `/insights/${s.insightId}`, showsPayload: true },
    { path: '/insights/themes', showsPayload: true },
    { path: `/insights/themes/${s.theme}`, showsPayload: true },
    { path: '/insights/routings', showsPayload: true },
    { path: `/insights/routings/${s.routingId}`, showsPayload: true },
    { path: '/insights/digests' },
    { path: `/insights/digests/${s.month}`, showsPayload: true },
    { path: '/channels', showsPayload: true },
    { path: '/settings', showsPayload: true },
    { path: '/audit', showsPayload: 'ops' },
    { path: '/deliveries', showsPayload: 'ops' },
    { path: `/deliveries/${s.deliveryId}`, showsPayload: 'ops' },
    { path: '/inbox', showsPayload: true },
    { path: '/account/tokens', showsPayload: true },
    { path: '/account/preferences', showsPayload: true },
  ];
}

/** What the URL carries, in search boxes, filters, route parameters and the 404 page. */
export function reflectedRoutes(): Route[] {
  const q = encodeURIComponent(PAYLOADS[0]!.text);
  return [
    { path: `/decisions?q=${q}`, reload: true },
    { path: `/insights?q=${q}`, reload: true },
    { path: `/releases?status=${q}`, reload: true },
    { path: `/insights/themes/${q}`, reload: true },
    { path: `/insights/digests/${q}`, reload: true },
    { path: `/updates/${q}`, reload: true },
    { path: `/no-such-page/${q}`, reload: true },
  ];
}
