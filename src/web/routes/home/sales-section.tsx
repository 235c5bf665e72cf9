import { Link } from 'react-router';
import type { THomeSection, TSalesLaunch } from '../../../shared/home.ts';

type Sales = Extract<THomeSection, { kind: 'sales' }>;

function Launch({ l }: { l: TSalesLaunch }) {
  return (
    <li className="home-card">
      <h4>
        <Link to={l.href}>{l.title}</Link>
      </h4>
      <p className="muted">
        {l.launched ? 'Launched ' : ''}
        {l.whenText} · {l.areaName} · {l.tierText}
      </p>
      {l.whatChanged ? <p className="home-words">{l.whatChanged}</p> : null}
      {l.talkTrack ? (
        <details className="home-talk">
          <summary>Talk track</summary>
          <p className="home-words">{l.talkTrack}</p>
        </details>
      ) : (
        <p className="muted">The talk track comes with the enablement bundle.</p>
      )}
    </li>
  );
}

function Month({ id, label, launches }: { id: string; label: string; launches: TSalesLaunch[] }) {
  return (
    <section aria-labelledby={id} className="home-month">
      <h3 id={id}>{label}</h3>
      {launches.length === 0 ? (
        <p className="muted">No customer-facing launch planned.</p>
      ) : (
        <ul className="home-list">
          {launches.map((l) => (
            <Launch key={l.releaseId} l={l} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Sales: what ships this month and next, in customer-safe words, each with its talk track one click away. */
export function SalesSection({ s }: { s: Sales }) {
  return (
    <section aria-labelledby="home-sales" className="home-section">
      <h2 id="home-sales">What ships this month and next</h2>
      <Month
        id="home-this-month"
        label={`This month: ${s.thisMonth.label}`}
        launches={s.thisMonth.launches}
      />
      <Month
        id="home-next-month"
        label={`Next month: ${s.nextMonth.label}`}
        launches={s.nextMonth.launches}
      />
      <p>
        {s.links.map((l, i) => (
          <span key={l.href}>
            {i ? ' · ' : ''}
            <Link to={l.href}>{l.label}</Link>
          </span>
        ))}
      </p>
    </section>
  );
}
