import { inProductOrg } from '../../../shared/roles.ts';
import { SubNav } from '../../components/sub-nav.tsx';
import { useMe } from '../../lib/session.tsx';

const TABS = [
  { to: '/roadmap', label: 'Timeline', end: true },
  { to: '/roadmap/changes', label: 'What changed', end: false },
  { to: '/roadmap/view', label: 'Stakeholder view', end: false },
  { to: '/roadmap/reviews', label: 'Roadmap reviews', end: false },
  { to: '/decisions', label: 'Decision log', end: false },
] as const;

/** The roadmap pages' own navigation (the main nav has "Roadmap" and "Decisions"); reviews are the product org's. */
export function RoadmapTabs() {
  const me = useMe();
  const tabs = inProductOrg(me.roles) ? TABS : TABS.filter((t) => t.to !== '/roadmap/reviews');
  return <SubNav label="Roadmap pages" tabs={tabs} />;
}
