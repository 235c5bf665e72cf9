import { SubNav } from '../../components/sub-nav.tsx';

const TABS = [
  { to: '/insights', label: 'Inbox', end: true },
  { to: '/insights/themes', label: 'Themes', end: false },
  { to: '/insights/routings', label: 'Routing', end: false },
  { to: '/insights/digests', label: 'Digests', end: false },
] as const;

/** The insights pages' own navigation: the main nav has one "Insights" entry. */
export function InsightsTabs() {
  return <SubNav label="Insights" tabs={TABS} />;
}
