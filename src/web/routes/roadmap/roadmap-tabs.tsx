import { NavLink } from 'react-router';

const TABS = [
  { to: '/roadmap', label: 'Timeline', end: true },
  { to: '/roadmap/changes', label: 'What changed', end: false },
  { to: '/roadmap/view', label: 'Stakeholder view', end: false },
  { to: '/roadmap/reviews', label: 'Roadmap reviews', end: false },
  { to: '/decisions', label: 'Decision log', end: false },
] as const;

/** The roadmap pages' own navigation (the main nav has "Roadmap" and "Decisions"). */
export function RoadmapTabs() {
  return (
    <nav aria-label="Roadmap pages" className="sub-nav">
      <ul>
        {TABS.map((t) => (
          <li key={t.to}>
            <NavLink to={t.to} end={t.end}>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
