import { Link } from 'react-router';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import { type BrokenLink, brokenText } from '../../lib/roadmap-items.ts';
import { linkKey } from '../../lib/roadmap-timeline.ts';
import { ConfidenceBadge, PendingBadge, RoadmapStatusBadge } from './roadmap-badges.tsx';

/** The version stakeholders see: "Version 3", or "Nothing yet" for a new item no review has ratified. */
export function stakeholdersSee(it: Pick<TRoadmapItem, 'pending' | 'ratifiedVersion' | 'version'>): string {
  if (!it.pending) return `Version ${it.version}`;
  return it.ratifiedVersion === null ? 'Nothing yet' : `Version ${it.ratifiedVersion}`;
}

function Dependencies({
  it,
  titles,
  broken,
}: {
  it: TRoadmapItem;
  titles: ReadonlyMap<string, string>;
  broken: ReadonlySet<string>;
}) {
  if (it.dependsOn.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="plain">
      {it.dependsOn.map((dep) => (
        <li key={dep}>
          <Link to={`/roadmap/items/${dep}`}>{titles.get(dep) ?? 'an item no longer on the roadmap'}</Link>
          {broken.has(linkKey(it.id, dep)) ? <span className="badge danger">broken</span> : null}
        </li>
      ))}
    </ul>
  );
}

/** The timeline's items as a table: what a screen reader or a narrow screen reads best. */
export function ItemsTable({
  items,
  all,
  broken,
}: {
  items: readonly TRoadmapItem[];
  /** Every item, for the titles of dependencies filtered out of `items`. */
  all: readonly TRoadmapItem[];
  broken: ReadonlySet<string>;
}) {
  if (items.length === 0) return <p className="empty">No item matches.</p>;
  const titles = new Map(all.map((it) => [it.id, it.title]));
  const sorted = [...items].sort(
    (a, b) => a.areaName.localeCompare(b.areaName) || a.earliest.localeCompare(b.earliest),
  );
  return (
    <div className="table-wrap">
      <table className="roadmap-items">
        <caption className="visually-hidden">Roadmap items by area and date</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Area</th>
            <th scope="col">When</th>
            <th scope="col">Confidence</th>
            <th scope="col">Status</th>
            <th scope="col">Stakeholders see</th>
            <th scope="col">Depends on</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((it) => (
            <tr key={it.id}>
              <th scope="row" className="roadmap-item-cell">
                <Link to={`/roadmap/items/${it.id}`}>{it.title}</Link>
                {it.visibility === 'internal' ? <span className="cell-note">Internal only</span> : null}
              </th>
              <td>{it.areaName}</td>
              <td className="roadmap-when-cell">
                {it.rangeText}
                <span className="cell-note">{it.quarters}</span>
              </td>
              <td>
                <ConfidenceBadge confidence={it.confidence} short />
              </td>
              <td>
                <RoadmapStatusBadge status={it.status} />
              </td>
              <td>
                {stakeholdersSee(it)}
                {it.pending ? (
                  <span className="cell-note">
                    <PendingBadge />
                  </span>
                ) : null}
              </td>
              <td>
                <Dependencies it={it} titles={titles} broken={broken} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Broken dependencies in words (the timeline draws them red and dashed). */
export function BrokenList({ links }: { links: readonly BrokenLink[] }) {
  if (links.length === 0) return null;
  return (
    <section className="notice warn" aria-labelledby="broken-heading">
      <h2 id="broken-heading">
        {links.length === 1 ? '1 broken dependency' : `${links.length} broken dependencies`}
      </h2>
      <ul>
        {links.map((b) => (
          <li key={linkKey(b.itemId, b.depId)}>
            <Link to={`/roadmap/items/${b.itemId}`}>{brokenText(b)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
