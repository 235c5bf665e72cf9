import { Link } from 'react-router';
import type { TRelease } from '../../../shared/releases.ts';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { STATUS_LABELS, tierText } from '../../lib/release-labels.ts';
import { brokenLinks, brokenText } from '../../lib/roadmap-items.ts';
import { useLoad } from '../../lib/use-load.ts';
import { roadmapApi } from './roadmap-api.ts';
import { RoadmapStatusBadge } from './roadmap-badges.tsx';

function ItemLink({ it }: { it: TRoadmapItem }) {
  return (
    <>
      <Link to={`/roadmap/items/${it.id}`}>{it.title}</Link>{' '}
      <span className="muted">
        ({it.areaName}, {it.rangeText})
      </span>{' '}
      <RoadmapStatusBadge status={it.status} />
    </>
  );
}

/** What it depends on (broken ones said in words) and what depends on it. */
export function DependenciesSection({ item, items }: { item: TRoadmapItem; items: readonly TRoadmapItem[] }) {
  const byId = new Map(items.map((it) => [it.id, it]));
  const broken = brokenLinks(items).filter((b) => b.itemId === item.id);
  const neededBy = items.filter((it) => it.dependsOn.includes(item.id) && it.status !== 'dropped');
  return (
    <section aria-labelledby="dependencies-heading" className="release-section">
      <h2 id="dependencies-heading">Dependencies</h2>
      {broken.length ? (
        <div className="notice warn" role="note">
          <ul>
            {broken.map((b) => (
              <li key={b.depId}>Broken: {brokenText(b)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>Depends on</h3>
      {item.dependsOn.length === 0 ? (
        <p className="empty">Nothing.</p>
      ) : (
        <ul>
          {item.dependsOn.map((id) => {
            const dep = byId.get(id);
            return <li key={id}>{dep ? <ItemLink it={dep} /> : 'An item no longer on the roadmap'}</li>;
          })}
        </ul>
      )}
      <h3>Needed by</h3>
      {neededBy.length === 0 ? (
        <p className="empty">No item depends on it.</p>
      ) : (
        <ul>
          {neededBy.map((it) => (
            <li key={it.id}>
              <ItemLink it={it} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Linked releases and insight themes. */
export function LinksSection({
  item,
  releases,
  themes,
}: {
  item: TRoadmapItem;
  releases: readonly TRelease[];
  themes: readonly { key: string; label: string }[];
}) {
  const linked = releases.filter((r) => item.releaseIds.includes(r.id));
  const themeLabel = new Map(themes.map((t) => [t.key, t.label]));
  return (
    <section aria-labelledby="links-heading" className="release-section">
      <h2 id="links-heading">Releases and insights</h2>
      <h3>Linked releases</h3>
      {linked.length === 0 ? (
        <p className="empty">No linked release.</p>
      ) : (
        <ul>
          {linked.map((r) => (
            <li key={r.id}>
              <Link to={`/releases/${r.id}`}>{r.title}</Link>{' '}
              <span className="muted">
                ({tierText(r.tier)}, {formatLocalDate(r.targetDate, true)},{' '}
                {STATUS_LABELS[r.status].toLowerCase()})
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Insight themes</h3>
      {item.themes.length === 0 ? (
        <p className="empty">No theme.</p>
      ) : (
        <ul>
          {item.themes.map((key) => (
            <li key={key}>
              <Link to={`/insights/themes/${encodeURIComponent(key)}`}>{themeLabel.get(key) ?? key}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The decision log entries that link this item. */
export function DecisionsSection({ id }: { id: string }) {
  const decisions = useLoad(['roadmap', 'item', id, 'decisions'], (signal) =>
    roadmapApi.decisionsFor(id, signal),
  );
  return (
    <section aria-labelledby="decisions-heading" className="release-section">
      <h2 id="decisions-heading">Decisions</h2>
      {decisions.error ? <LoadError error={decisions.error} retry={decisions.reload} /> : null}
      {!decisions.data ? (
        decisions.error ? null : (
          <Loading what="decisions" />
        )
      ) : decisions.data.items.length === 0 ? (
        <p className="empty">
          No decision links this item yet. <Link to="/decisions">Open the decision log</Link>
        </p>
      ) : (
        <ul>
          {decisions.data.items.map((d) => (
            <li key={d.id}>
              <Link to={`/decisions/${d.id}`}>
                #{d.number} {d.title}
              </Link>{' '}
              <span className="muted">
                (decided {formatLocalDate(d.decidedOn, true)}, {d.ownerName})
              </span>
              {d.status === 'superseded' ? <span className="badge muted">superseded</span> : null}
              {d.reviewDue ? <span className="badge warn">review due</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
