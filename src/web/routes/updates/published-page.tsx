import { Link, useParams, useSearchParams } from 'react-router';
import { absentLine, missingLine } from '../../../domain/updates/render.ts';
import type { TLaunchJson, TUpdateArtifact } from '../../../shared/updates.ts';
import { api } from '../../api-client.ts';
import { updatesApi } from '../../api-updates.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { PrivateFeedKey } from '../../components/private-feed.tsx';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { StatusBadge } from './status-board.tsx';
import { UpdateBullets } from './update-bullets.tsx';
import './updates.css';
import '../releases/releases.css';

function Launches({ items }: { items: TLaunchJson[] }) {
  if (items.length === 0) return <span className="muted">None</span>;
  return (
    <ul>
      {items.map((l) => (
        <li key={l.id}>
          {l.title}{' '}
          <span className="muted">
            ({l.areaName}, tier {l.tier}, {l.targetDate}, {l.status.replace(/_/g, ' ')})
          </span>
        </li>
      ))}
    </ul>
  );
}

type ArtifactArea = TUpdateArtifact['json']['areas'][number];

/** Absent areas with their reason, then every missing one on a single line: never a section each. */
function NotReporting({ areas }: { areas: ArtifactArea[] }) {
  const absent = areas.filter((a) => !a.update && a.status === 'absent');
  const missing = areas.filter((a) => !a.update && a.status !== 'absent');
  if (absent.length === 0 && missing.length === 0) return null;
  return (
    <section className="update-area" aria-labelledby="not-reporting-heading">
      <h3 id="not-reporting-heading">Not in this week's update</h3>
      <ul>
        {absent.map((a) => (
          <li key={a.areaName}>{absentLine(a.areaName, a.absentReason)}</li>
        ))}
        {missing.length ? <li className="muted">{missingLine(missing)}</li> : null}
      </ul>
    </section>
  );
}

/** The published artifact, from its JSON: highlights, the areas that contributed, then the ones that did not. */
function ArtifactView({ artifact }: { artifact: TUpdateArtifact }) {
  const { json } = artifact;
  const risks = json.highlights.crossCuttingRisks;
  return (
    <article className="weekly-update" aria-label={json.title}>
      <h2>{json.title}</h2>
      <section aria-labelledby="highlights-heading">
        <h3 id="highlights-heading">Org-wide highlights (Product Ops)</h3>
        <ul className="update-bullets">
          <li>
            <strong>Key launches this week:</strong> <Launches items={json.highlights.keyLaunches} />
          </li>
          <li>
            <strong>Upcoming launches (next 2 weeks):</strong>{' '}
            <Launches items={json.highlights.upcomingLaunches} />
          </li>
          {/* Versions published before holds were told apart carry no such list. */}
          {(json.highlights.heldLaunches ?? []).length > 0 ? (
            <li>
              <strong>On hold (not launching until a new go decision):</strong>{' '}
              <Launches items={json.highlights.heldLaunches} />
            </li>
          ) : null}
          <li>
            <strong>Cross-cutting risks/dependencies:</strong>{' '}
            {risks.length === 0 ? (
              <span className="muted">None</span>
            ) : (
              <ul>
                {risks.map((r) => (
                  <li key={`${r.areaName}:${r.index}`}>
                    {r.text}{' '}
                    <span className="muted">
                      ({r.areaName}, {r.pmName})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        </ul>
      </section>
      {json.areas.map((a) =>
        a.update ? (
          <section key={a.areaName} className="update-area" aria-label={`${a.areaName} — ${a.pmName}`}>
            <h3>
              {a.areaName} — {a.pmName} {a.late ? <StatusBadge status="late" /> : null}
            </h3>
            <UpdateBullets content={a.update} />
          </section>
        ) : null,
      )}
      <NotReporting areas={json.areas} />
    </article>
  );
}

function Subscribe() {
  return (
    <details className="feed-links">
      <summary>Subscribe in a feed reader</summary>
      <p className="muted">
        Private addresses that work without signing in (the calendar feed's key: a new one replaces that too).
      </p>
      <PrivateFeedKey
        idPrefix="updates-feed"
        links={(u) => [
          { label: 'Atom feed', url: u.updates.atom },
          { label: 'RSS feed', url: u.updates.rss },
        ]}
      />
    </details>
  );
}

/** C3: a published Weekly Product Update, any of its versions, and what a correction changed. */
export function PublishedPage() {
  const { week = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('version'));
  const version = Number.isInteger(requested) && requested > 0 ? requested : null;
  const base = useLoad(['updates', 'published', week], async (signal) => {
    const [board, { settings }] = await Promise.all([
      updatesApi.board(week, signal),
      api.settings.get(signal),
    ]);
    return { versions: board.versions, timeZone: settings.timeZone };
  });
  const published = (base.data?.versions.length ?? 0) > 0;
  const artifact = useLoad(published ? ['updates', 'artifact', week, version ?? 'latest'] : null, (signal) =>
    updatesApi.artifact(week, version, signal),
  );
  const intro = (
    <p>
      <Link to={`/updates?week=${week}`}>← Status board for {week}</Link> · <Link to="/updates">Archive</Link>
    </p>
  );
  if (!base.data) {
    return (
      <Page title={`Weekly update ${week}`} intro={intro}>
        {base.error ? <LoadError error={base.error} retry={base.reload} /> : <Loading what="the update" />}
      </Page>
    );
  }
  const { versions, timeZone } = base.data;
  const shown = artifact.data;
  return (
    <Page title={`Weekly update ${week}`} intro={intro}>
      {!published ? <p className="notice">{week} has not been published yet.</p> : null}
      {versions.length > 1 ? (
        <div className="field inline-field">
          <label htmlFor="version" className="field-label">
            Version
          </label>
          <select
            id="version"
            value={String(version ?? versions.at(-1)?.version ?? '')}
            onChange={(e) => setParams({ version: e.target.value }, { replace: true })}
          >
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                Version {v.version}, {formatDateTimeIn(v.publishedAt, timeZone)}
                {v.version === versions.at(-1)?.version ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {artifact.error ? <LoadError error={artifact.error} retry={artifact.reload} /> : null}
      {shown ? (
        <>
          <p className="muted">
            Version {shown.version}, published {formatDateTimeIn(shown.publishedAt, timeZone)} ({timeZone})
          </p>
          {shown.changes.length ? (
            <section className="notice" aria-labelledby="changes-heading">
              <h2 id="changes-heading">What changed in this correction</h2>
              <ul>
                {shown.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <Subscribe />
          <ArtifactView artifact={shown} />
        </>
      ) : published && !artifact.error ? (
        <Loading what="the published update" />
      ) : null}
    </Page>
  );
}
