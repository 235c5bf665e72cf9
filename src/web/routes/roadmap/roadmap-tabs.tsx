import { SubNav } from '../../components/sub-nav.tsx';

const TABS = [
  { to: '/roadmap', label: 'Timeline', end: true },
  { to: '/roadmap/changes', label: 'What changed', end: false },
  { to: '/roadmap/view', label: 'Stakeholder view', end: false },
  { to: '/roadmap/reviews', label: 'Roadmap reviews', end: false },
  { to: '/decisions', label: 'Decision log', end: false },
] as const;

/** The roadmap pages' own navigation (the main nav has "Roadmap" and "Decisions"). */
export function RoadmapTabs() {
  return <SubNav label="Roadmap pages" tabs={TABS} />;
}
