import { NavLink } from 'react-router';

const TABS = [
  { to: '/insights', label: 'Inbox', end: true },
  { to: '/insights/themes', label: 'Themes', end: false },
  { to: '/insights/routings', label: 'Routing', end: false },
  { to: '/insights/digests', label: 'Digests', end: false },
] as const;

/** The insights pages' own navigation: the main nav has one "Insights" entry. */
export function InsightsTabs() {
  return (
    <nav aria-label="Insights" className="sub-nav">
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
