import { useState } from 'react';
import { Link } from 'react-router';
import type { THomeSection, TSupportLaunch } from '../../../shared/home.ts';
import { releasesApi } from '../../api-releases.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { RELEASE_CHANGES } from '../../lib/query-keys.ts';
import { useWrite } from '../../lib/use-write.ts';

type Support = Extract<THomeSection, { kind: 'support' }>;

function SignOff({ l }: { l: TSupportLaunch }) {
  const [busy, setBusy] = useState(false);
  const write = useWrite(RELEASE_CHANGES);
  const [error, setError] = useState<string | null>(null);
  const mine = l.mySignOff;
  if (!mine) return null;
  if (mine.state === 'ready') return <p className="badge">{mine.label}: you confirmed</p>;
  if (!mine.open) return <p className="muted">{mine.label}: possible once the bundle is out</p>;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await write(() => releasesApi.signOff(l.releaseId, mine.kind));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <div>
      {mine.state === 'not_ready' ? <p className="muted">You said not ready.</p> : null}
      <button
        type="button"
        className="button primary small"
        disabled={busy}
        onClick={confirm}
        aria-label={`I'm ready: ${l.title}`}
      >
        I'm ready
      </button>
      {error ? (
        <p role="alert" className="notice error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Launch({ l }: { l: TSupportLaunch }) {
  const done = l.readiness.filter((r) => r.done).length;
  return (
    <li className="home-card">
      <h4>
        <Link to={`/releases/${l.releaseId}`}>{l.title}</Link>
      </h4>
      <p className="muted">
        {formatLocalDate(l.targetDate, true)} · {l.areaName} · {l.tierText}
      </p>
      <p>
        Readiness: {done} of {l.readiness.length} confirmed
        {l.readiness.length
          ? ` (${l.readiness.map((r) => `${r.label}${r.done ? ' ✓' : ''}`).join(', ')})`
          : ''}
      </p>
      <p>
        <Link to={l.bundleHref}>{l.bundleOut ? 'Enablement bundle' : 'Bundle (not out yet)'}</Link>
      </p>
      <SignOff l={l} />
    </li>
  );
}

/** Support / CS: "Needs my sign-off" first, then every launch of the next 14 days in their areas. */
export function SupportSection({ s }: { s: Support }) {
  const waiting = new Set(s.needsMe.map((l) => l.releaseId));
  const others = s.launches.filter((l) => !waiting.has(l.releaseId));
  return (
    <section aria-labelledby="home-support" className="home-section">
      <h2 id="home-support">Launches in the next 14 days</h2>
      <section aria-labelledby="home-needs-me" className="home-month">
        <h3 id="home-needs-me">Needs my sign-off ({s.needsMe.length})</h3>
        {s.needsMe.length === 0 ? (
          <p className="muted">Nothing waits for your sign-off.</p>
        ) : (
          <ul className="home-list">
            {s.needsMe.map((l) => (
              <Launch key={l.releaseId} l={l} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="home-launches" className="home-month">
        <h3 id="home-launches">
          {waiting.size ? 'Other launches' : 'Launches'}, {s.scope}
        </h3>
        {others.length === 0 ? (
          <p className="muted">No other customer-facing launch in the next 14 days.</p>
        ) : (
          <ul className="home-list">
            {others.map((l) => (
              <Launch key={l.releaseId} l={l} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
