import { startTransition, useEffect, useRef } from 'react';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from './api-client.ts';
import { AppLayout } from './components/layout.tsx';
import { useSession } from './lib/session.tsx';
import { PreferencesPage } from './routes/account/preferences-page.tsx';
import { TokensPage } from './routes/account/tokens-page.tsx';
import { AreaPage } from './routes/areas/area-page.tsx';
import { AreasPage } from './routes/areas/areas-page.tsx';
import { AuditPage } from './routes/audit/audit-page.tsx';
import { SignInPage } from './routes/auth/sign-in.tsx';
import { BetPage } from './routes/bets/bet-page.tsx';
import { BetsPage } from './routes/bets/bets-page.tsx';
import { CadencePage } from './routes/cadence/cadence-page.tsx';
import { OccurrencePage } from './routes/cadence/occurrence-page.tsx';
import { RitualPage } from './routes/cadence/ritual-page.tsx';
import { ChannelsPage } from './routes/channels/channels-page.tsx';
import { CharterPage } from './routes/charter/charter-page.tsx';
import { FrictionsPage } from './routes/charter/frictions-page.tsx';
import { QbrIndexPage, QbrPage } from './routes/charter/qbr-page.tsx';
import { DecisionPage } from './routes/decisions/decision-page.tsx';
import { DecisionsPage } from './routes/decisions/decisions-page.tsx';
import { DeliveriesPage } from './routes/delivery/deliveries-page.tsx';
import { DeliveryPage } from './routes/delivery/delivery-page.tsx';
import { HomePage } from './routes/home/home-page.tsx';
import { InboxPage } from './routes/inbox/inbox-page.tsx';
import { DigestPage } from './routes/insights/digest-page.tsx';
import { DigestsPage } from './routes/insights/digests-page.tsx';
import { InsightsInboxPage } from './routes/insights/inbox-page.tsx';
import { InsightItemPage } from './routes/insights/item-page.tsx';
import { RoutingPage } from './routes/insights/routing-page.tsx';
import { RoutingsPage } from './routes/insights/routings-page.tsx';
import { ThemePage } from './routes/insights/theme-page.tsx';
import { ThemesPage } from './routes/insights/themes-page.tsx';
import { MetricPage } from './routes/metrics/metric-page.tsx';
import { MetricsPage } from './routes/metrics/metrics-page.tsx';
import { NotFoundPage } from './routes/not-found.tsx';
import { OverviewPage } from './routes/overview/overview-page.tsx';
import { PeoplePage } from './routes/people/people-page.tsx';
import { PersonPage } from './routes/people/person-page.tsx';
import { PlanPage } from './routes/plan/plan-page.tsx';
import { PodPage } from './routes/pods/pod-page.tsx';
import { PodsPage } from './routes/pods/pods-page.tsx';
import { LaunchCalendarPage } from './routes/releases/calendar-page.tsx';
import { ReadyPage } from './routes/releases/ready-page.tsx';
import { ReleasePage } from './routes/releases/release-page.tsx';
import { ReleasesPage } from './routes/releases/releases-page.tsx';
import { RoadmapChangesPage } from './routes/roadmap/changes-page.tsx';
import { RoadmapItemPage } from './routes/roadmap/item-page.tsx';
import { ReviewPage } from './routes/roadmap/review-page.tsx';
import { ReviewsPage } from './routes/roadmap/reviews-page.tsx';
import { RoadmapPage } from './routes/roadmap/roadmap-page.tsx';
import { StakeholderViewPage } from './routes/roadmap/view-page.tsx';
import { SettingsPage } from './routes/settings/settings-page.tsx';
import { StatusRequestsPage } from './routes/status/status-requests-page.tsx';
import { SurveyPage } from './routes/surveys/survey-page.tsx';
import { ComposePage } from './routes/updates/compose-page.tsx';
import { PublishedPage } from './routes/updates/published-page.tsx';
import { UpdatesPage } from './routes/updates/updates-page.tsx';
import { VelocityPage } from './routes/velocity/velocity-page.tsx';

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
          <Route path="settings" element={<SettingsPage />} />
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
