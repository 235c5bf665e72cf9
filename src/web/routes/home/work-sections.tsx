import { Link } from 'react-router';
import type { THomeSection } from '../../../shared/home.ts';
import { now } from '../../lib/clock.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';

type Of<K extends THomeSection['kind']> = Extract<THomeSection, { kind: K }>;
type Line = { label: string; detail: string; href: string };

function Lines({ id, title, lines, none }: { id: string; title: string; lines: Line[]; none: string }) {
  return (
    <section aria-labelledby={id} className="home-month">
      <h3 id={id}>
        {title} ({lines.length})
      </h3>
      {lines.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="home-lines">
          {lines.map((l) => (
            <li key={`${l.href}-${l.label}`}>
              <Link to={l.href}>{l.label}</Link> <span className="muted">{l.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "in 1 h 50 min" / "overdue by 2 h 5 min": how far the due time is from now. */
export function untilText(iso: string, nowMs: number): string {
  const minutes = Math.round((Date.parse(iso) - nowMs) / 60_000);
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const h = Math.floor((abs % 1440) / 60);
  const m = abs % 60;
  const span = [days ? `${days} d` : '', h ? `${h} h` : '', !days && m ? `${m} min` : '']
    .filter(Boolean)
    .join(' ');
  if (!span) return 'now';
  return minutes >= 0 ? `in ${span}` : `overdue by ${span}`;
}

/** A PM: my weekly update, my releases' next steps, insights routed to me, decisions due. */
export function PmSection({ s, timeZone }: { s: Of<'pm'>; timeZone: string }) {
  return (
    <section aria-labelledby="home-pm" className="home-section">
      <h2 id="home-pm">My week</h2>
      <section aria-labelledby="home-update" className="home-month">
        <h3 id="home-update">My weekly update</h3>
        {s.updates.length === 0 ? (
          <p className="muted">You own no area, so no update is due from you.</p>
        ) : (
          <ul className="home-lines">
            {s.updates.map((u) => (
              <li key={u.areaId}>
                <Link to={u.href}>{u.areaName}</Link>:{' '}
                {u.submittedAt
                  ? `submitted ${formatDateTimeIn(u.submittedAt, timeZone)} (${timeZone})${u.status === 'late' ? ', late' : ''}`
                  : u.status === 'absent'
                    ? 'marked absent this week'
                    : `due ${untilText(u.dueAt, now())}: ${formatDateTimeIn(u.dueAt, timeZone)} (${timeZone})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Lines id="home-my-releases" title="My releases" lines={s.releases} none="No release of yours ahead." />
      <Lines
        id="home-my-insights"
        title="Insights awaiting my disposition"
        lines={s.insights}
        none="No routed insight waits for you."
      />
      <Lines
        id="home-my-decisions"
        title="Decisions due for review"
        lines={s.decisions}
        none="No decision of yours is due for review this week."
      />
    </section>
  );
}

/** Product Ops: what is missing, late or failing this week. */
export function OpsSection({ s }: { s: Of<'ops'> }) {
  const counts = [s.failedDeliveries, s.untriagedFeedback];
  return (
    <section aria-labelledby="home-ops" className="home-section">
      <h2 id="home-ops">Running the week</h2>
      <ul className="stats">
        {counts.map((c) => (
          <li key={c.label} className="stat">
            <Link to={c.href}>
              <span className="stat-value">{c.count}</span>
              <span className="stat-label">{c.label}</span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="home-missing" className="home-month">
        <h3 id="home-missing">Missing weekly updates ({s.missingUpdates.length})</h3>
        {s.missingUpdates.length === 0 ? (
          <p className="muted">Every area has sent its update or is marked absent.</p>
        ) : (
          <p>
            {s.missingUpdates.map((m) => `${m.areaName}${m.pmName ? ` (${m.pmName})` : ''}`).join(', ')} ·{' '}
            <Link to="/updates">This week's board</Link>
          </p>
        )}
      </section>
      <Lines
        id="home-late-bundles"
        title="Bundles late"
        lines={s.lateBundles}
        none="No bundle is past its distribute-by date."
      />
      <Lines id="home-slas" title="SLAs at risk" lines={s.slasAtRisk} none="No review SLA is at risk." />
    </section>
  );
}

/** The Head of Product: the headline figures, reviews, overrides and Polish Mode areas. */
export function HeadSection({ s }: { s: Of<'head'> }) {
  return (
    <section aria-labelledby="home-head" className="home-section">
      <h2 id="home-head">Product health</h2>
      <ul className="home-metrics" aria-label="Headline figures">
        {s.metrics.map((m) => (
          <li key={m.key} className="home-card">
            <Link to={`/metrics/${m.key}`}>{m.label}</Link>
            <span className="home-figure">{m.current}</span>
            <span className="muted">
              Target {m.target} · {m.meets === null ? 'not judged yet' : m.meets ? 'meets' : 'below target'}
            </span>
          </li>
        ))}
      </ul>
      <Lines
        id="home-reviews"
        title="Roadmap reviews waiting"
        lines={s.reviews}
        none="No review waits for you."
      />
      <Lines
        id="home-overrides"
        title="Active gate overrides"
        lines={s.overrides}
        none="No gate override in force."
      />
      <Lines
        id="home-polish"
        title="Areas in Polish Mode"
        lines={s.polishAreas}
        none="No area is in Polish Mode."
      />
    </section>
  );
}
