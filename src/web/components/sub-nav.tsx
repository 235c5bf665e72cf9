import { NavLink } from 'react-router';
import './sub-nav.css';

export interface SubNavTab {
  to: string;
  label: string;
  /** Active only on exactly this path (the section's index page). */
  end: boolean;
}

/** A section's own navigation under its page title (the main nav has one entry per section). */
export function SubNav({ label, tabs }: { label: string; tabs: readonly SubNavTab[] }) {
  return (
    <nav aria-label={label} className="sub-nav">
      <ul>
        {tabs.map((t) => (
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
