import { startTransition, useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from './api-client.ts';
import { homeApi } from './api-home.ts';
import { AppLayout } from './components/layout.tsx';
import { lazyPage } from './lib/lazy-page.tsx';
import { queryClient } from './lib/query-client.ts';
import { useSession } from './lib/session.tsx';
import { prefetchPage } from './lib/use-load.ts';
import { SignInPage } from './routes/auth/sign-in.tsx';
import { NotFoundPage } from './routes/not-found.tsx';

// Every page but the sign-in and not-found pages is a chunk of its own, loaded with its route.
const PreferencesPage = lazyPage(() => import('./routes/account/preferences-page.tsx'), 'PreferencesPage');
const TokensPage = lazyPage(() => import('./routes/account/tokens-page.tsx'), 'TokensPage');
const AreaPage = lazyPage(() => import('./routes/areas/area-page.tsx'), 'AreaPage');
const AreasPage = lazyPage(() => import('./routes/areas/areas-page.tsx'), 'AreasPage');
const AuditPage = lazyPage(() => import('./routes/audit/audit-page.tsx'), 'AuditPage');
const BetPage = lazyPage(() => import('./routes/bets/bet-page.tsx'), 'BetPage');
const BetsPage = lazyPage(() => import('./routes/bets/bets-page.tsx'), 'BetsPage');
const CadencePage = lazyPage(() => import('./routes/cadence/cadence-page.tsx'), 'CadencePage');
const OccurrencePage = lazyPage(() => import('./routes/cadence/occurrence-page.tsx'), 'OccurrencePage');
const RitualPage = lazyPage(() => import('./routes/cadence/ritual-page.tsx'), 'RitualPage');
const ChannelsPage = lazyPage(() => import('./routes/channels/channels-page.tsx'), 'ChannelsPage');
const WebhooksPage = lazyPage(() => import('./routes/webhooks/webhooks-page.tsx'), 'WebhooksPage');
const CharterPage = lazyPage(() => import('./routes/charter/charter-page.tsx'), 'CharterPage');
const FrictionsPage = lazyPage(() => import('./routes/charter/frictions-page.tsx'), 'FrictionsPage');
const QbrIndexPage = lazyPage(() => import('./routes/charter/qbr-page.tsx'), 'QbrIndexPage');
const QbrPage = lazyPage(() => import('./routes/charter/qbr-page.tsx'), 'QbrPage');
const DecisionPage = lazyPage(() => import('./routes/decisions/decision-page.tsx'), 'DecisionPage');
const DecisionsPage = lazyPage(() => import('./routes/decisions/decisions-page.tsx'), 'DecisionsPage');
const DeliveriesPage = lazyPage(() => import('./routes/delivery/deliveries-page.tsx'), 'DeliveriesPage');
const DeliveryPage = lazyPage(() => import('./routes/delivery/delivery-page.tsx'), 'DeliveryPage');
const InboxPage = lazyPage(() => import('./routes/inbox/inbox-page.tsx'), 'InboxPage');
const DigestPage = lazyPage(() => import('./routes/insights/digest-page.tsx'), 'DigestPage');
const DigestsPage = lazyPage(() => import('./routes/insights/digests-page.tsx'), 'DigestsPage');
const InsightsInboxPage = lazyPage(() => import('./routes/insights/inbox-page.tsx'), 'InsightsInboxPage');
const InsightItemPage = lazyPage(() => import('./routes/insights/item-page.tsx'), 'InsightItemPage');
const RoutingPage = lazyPage(() => import('./routes/insights/routing-page.tsx'), 'RoutingPage');
const RoutingsPage = lazyPage(() => import('./routes/insights/routings-page.tsx'), 'RoutingsPage');
const ThemePage = lazyPage(() => import('./routes/insights/theme-page.tsx'), 'ThemePage');
const ThemesPage = lazyPage(() => import('./routes/insights/themes-page.tsx'), 'ThemesPage');
const MetricPage = lazyPage(() => import('./routes/metrics/metric-page.tsx'), 'MetricPage');
const MetricsPage = lazyPage(() => import('./routes/metrics/metrics-page.tsx'), 'MetricsPage');
const OverviewPage = lazyPage(() => import('./routes/overview/overview-page.tsx'), 'OverviewPage');
const FeedPage = lazyPage(() => import('./routes/feed/feed-page.tsx'), 'FeedPage');
const HomePage = lazyPage(() => import('./routes/home/home-page.tsx'), 'HomePage');

/** The front door's code and data are asked for at start, alongside the session, not one after the other. */
export function preloadFrontDoor(pathname: string): void {
  if (pathname !== '/') return;
  void HomePage.preload().catch(() => undefined);
  prefetchPage(queryClient, ['home'], homeApi.prefetch);
}
const PeoplePage = lazyPage(() => import('./routes/people/people-page.tsx'), 'PeoplePage');
const PersonPage = lazyPage(() => import('./routes/people/person-page.tsx'), 'PersonPage');
const PlanPage = lazyPage(() => import('./routes/plan/plan-page.tsx'), 'PlanPage');
const PodPage = lazyPage(() => import('./routes/pods/pod-page.tsx'), 'PodPage');
const PodsPage = lazyPage(() => import('./routes/pods/pods-page.tsx'), 'PodsPage');
const LaunchCalendarPage = lazyPage(
  () => import('./routes/releases/calendar-page.tsx'),
  'LaunchCalendarPage',
);
const ReadyPage = lazyPage(() => import('./routes/releases/ready-page.tsx'), 'ReadyPage');
const ReleasePage = lazyPage(() => import('./routes/releases/release-page.tsx'), 'ReleasePage');
const ReleasesPage = lazyPage(() => import('./routes/releases/releases-page.tsx'), 'ReleasesPage');
const RoadmapChangesPage = lazyPage(() => import('./routes/roadmap/changes-page.tsx'), 'RoadmapChangesPage');
const RoadmapItemPage = lazyPage(() => import('./routes/roadmap/item-page.tsx'), 'RoadmapItemPage');
const ReviewPage = lazyPage(() => import('./routes/roadmap/review-page.tsx'), 'ReviewPage');
const ReviewsPage = lazyPage(() => import('./routes/roadmap/reviews-page.tsx'), 'ReviewsPage');
const RoadmapPage = lazyPage(() => import('./routes/roadmap/roadmap-page.tsx'), 'RoadmapPage');
const StakeholderViewPage = lazyPage(() => import('./routes/roadmap/view-page.tsx'), 'StakeholderViewPage');
const SettingsPage = lazyPage(() => import('./routes/settings/settings-page.tsx'), 'SettingsPage');
const TrackersPage = lazyPage(() => import('./routes/settings/trackers-page.tsx'), 'TrackersPage');
const StatusRequestsPage = lazyPage(
  () => import('./routes/status/status-requests-page.tsx'),
  'StatusRequestsPage',
);
const SurveyPage = lazyPage(() => import('./routes/surveys/survey-page.tsx'), 'SurveyPage');
const ComposePage = lazyPage(() => import('./routes/updates/compose-page.tsx'), 'ComposePage');
const PublishedPage = lazyPage(() => import('./routes/updates/published-page.tsx'), 'PublishedPage');
const UpdatesPage = lazyPage(() => import('./routes/updates/updates-page.tsx'), 'UpdatesPage');
const VelocityPage = lazyPage(() => import('./routes/velocity/velocity-page.tsx'), 'VelocityPage');

/** A 401 from any request: forget the session and go to /sign-in, coming back here afterwards. */
function RedirectOnUnauthorized() {
  const navigate = useNavigate();
  const location = useLocation();
  const { setMe } = useSession();
  const here = useRef(location);
  here.current = location;
  useEffect(
    () =>
      setUnauthorizedHandler(() => {
        const { pathname, search } = here.current;
        // The sign-in page and the public one-click readiness page need no session.
        if (pathname === '/sign-in' || pathname.startsWith('/ready/') || pathname.startsWith('/surveys/'))
          return;
        // One transition: the router renders the sign-in page while the signed-in layout goes away.
        startTransition(() => {
          setMe(null);
          navigate(`/sign-in?next=${encodeURIComponent(pathname + search)}`, { replace: true });
        });
      }),
    [navigate, setMe],
  );
  return null;
}

export function App() {
  return (
    <>
      <RedirectOnUnauthorized />
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/ready/:token" element={<ReadyPage />} />
        <Route path="/surveys/:token" element={<SurveyPage />} />
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="feed" element={<FeedPage />} />
          <Route path="org" element={<OverviewPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="people/:id" element={<PersonPage />} />
          <Route path="velocity" element={<VelocityPage />} />
          <Route path="metrics" element={<MetricsPage />} />
          <Route path="metrics/:key" element={<MetricPage />} />
          <Route path="charter" element={<CharterPage />} />
          <Route path="frictions" element={<FrictionsPage />} />
          <Route path="qbr" element={<QbrIndexPage />} />
          <Route path="qbr/:quarter" element={<QbrPage />} />
          <Route path="plan" element={<PlanPage />} />
          <Route path="areas" element={<AreasPage />} />
          <Route path="areas/:id" element={<AreaPage />} />
          <Route path="pods" element={<PodsPage />} />
          <Route path="pods/:id" element={<PodPage />} />
          <Route path="bets" element={<BetsPage />} />
          <Route path="bets/:id" element={<BetPage />} />
          <Route path="cadence" element={<CadencePage />} />
          <Route path="cadence/rituals/:id" element={<RitualPage />} />
          <Route path="cadence/occurrences/:id" element={<OccurrencePage />} />
          <Route path="updates" element={<UpdatesPage />} />
          <Route path="updates/:week" element={<PublishedPage />} />
          <Route path="updates/:week/areas/:areaId" element={<ComposePage />} />
          <Route path="roadmap" element={<RoadmapPage />} />
          <Route path="roadmap/items/:id" element={<RoadmapItemPage />} />
          <Route path="roadmap/changes" element={<RoadmapChangesPage />} />
          <Route path="roadmap/view" element={<StakeholderViewPage />} />
          <Route path="roadmap/reviews" element={<ReviewsPage />} />
          <Route path="roadmap/reviews/:occurrenceId" element={<ReviewPage />} />
          <Route path="decisions" element={<DecisionsPage />} />
          <Route path="decisions/:id" element={<DecisionPage />} />
          <Route path="releases" element={<ReleasesPage />} />
          <Route path="releases/calendar" element={<LaunchCalendarPage />} />
          <Route path="releases/:id" element={<ReleasePage />} />
          <Route path="insights" element={<InsightsInboxPage />} />
          <Route path="insights/themes" element={<ThemesPage />} />
          <Route path="insights/themes/:theme" element={<ThemePage />} />
          <Route path="insights/routings" element={<RoutingsPage />} />
          <Route path="insights/routings/:id" element={<RoutingPage />} />
          <Route path="insights/digests" element={<DigestsPage />} />
          <Route path="insights/digests/:month" element={<DigestPage />} />
          <Route path="insights/:id" element={<InsightItemPage />} />
          <Route path="status-requests" element={<StatusRequestsPage />} />
          <Route path="channels" element={<ChannelsPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="settings/trackers" element={<TrackersPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="deliveries" element={<DeliveriesPage />} />
          <Route path="deliveries/:id" element={<DeliveryPage />} />
          <Route path="inbox" element={<InboxPage />} />
          <Route path="account/tokens" element={<TokensPage />} />
          <Route path="account/preferences" element={<PreferencesPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </>
  );
}
