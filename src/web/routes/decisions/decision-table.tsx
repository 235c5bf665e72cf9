import { Link } from 'react-router';
import type { TDecisionLogEntry } from '../../../shared/decisions.ts';
import { formatLocalDate } from '../../lib/org-time.ts';

/** Long texts are cut in the table; the entry's page has them whole. */
const clip = (text: string, max = 220) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** "Review due" and "Superseded by #n" (linked): what a reader of the log must not miss. */
export function DecisionBadges({ entry }: { entry: TDecisionLogEntry }) {
  return (
    <span className="badges">
      {entry.reviewDue && entry.status === 'active' ? <span className="badge warn">Review due</span> : null}
      {entry.status === 'superseded' ? (
        <span className="badge muted">
          Superseded
          {entry.supersededBy ? (
            <>
              {' '}
              by <Link to={`/decisions/${entry.supersededBy.id}`}>#{entry.supersededBy.number}</Link>
            </>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}

export const hasLinks = (d: TDecisionLogEntry) =>
  d.roadmapItems.length + d.releases.length + d.themes.length > 0;

interface LinkGroup {
  label: string;
  links: { key: string; to: string; text: string }[];
}

function linkGroups(d: TDecisionLogEntry): LinkGroup[] {
  const groups: LinkGroup[] = [
    {
      label: 'Roadmap',
      links: d.roadmapItems.map((i) => ({ key: i.id, to: `/roadmap/items/${i.id}`, text: i.title })),
    },
    {
      label: 'Release',
      links: d.releases.map((r) => ({ key: r.id, to: `/releases/${r.id}`, text: r.title })),
    },
    {
      label: 'Insights',
      links: d.themes.map((t) => ({
        key: t.key,
        to: `/insights/themes/${encodeURIComponent(t.key)}`,
        text: t.label,
      })),
    },
  ];
  return groups.filter((g) => g.links.length > 0);
}

/** Roadmap items, releases and themes the entry is linked to, by kind (an item and its release often share a name). */
export function DecisionLinks({ entry, inTable = false }: { entry: TDecisionLogEntry; inTable?: boolean }) {
  const groups = linkGroups(entry);
  if (groups.length === 0) return null;
  return (
    <ul className={inTable ? 'plain decision-links cell-note' : 'plain decision-links'}>
      {groups.map((g) => (
        <li key={g.label}>
          {g.label}:{' '}
          {g.links.map((l, i) => (
            <span key={l.key}>
              {i > 0 ? ', ' : null}
              <Link to={l.to}>{l.text}</Link>
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

function Row({ entry: d }: { entry: TDecisionLogEntry }) {
  return (
    <tr className={d.status === 'superseded' ? 'superseded' : undefined}>
      <td className="when">
        <time dateTime={d.decidedOn}>{formatLocalDate(d.decidedOn, true)}</time>
      </td>
      <th scope="row">
        <Link to={`/decisions/${d.id}`} className="decision-title">
          #{d.number} {d.title}
        </Link>
        <DecisionBadges entry={d} />
        <DecisionLinks entry={d} inTable />
      </th>
      <td className="prose">{clip(d.context)}</td>
      <td>
        <ul className="plain option-list">
          {d.options.map((o, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: options are fixed once recorded and may repeat
            <li key={i}>{clip(o, 120)}</li>
          ))}
        </ul>
      </td>
      <td className="prose">{clip(d.rationale)}</td>
      <td>{d.ownerName}</td>
      <td className="when">
        <time dateTime={d.nextReviewDate}>{formatLocalDate(d.nextReviewDate, true)}</time>
      </td>
    </tr>
  );
}

/** The pack's Decision Log template (§4) as a table, one entry a row. */
export function DecisionTable({ items }: { items: readonly TDecisionLogEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="decision-log">
        <caption className="visually-hidden">Decision log, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Decision</th>
            <th scope="col">Context</th>
            <th scope="col">Options considered</th>
            <th scope="col">Rationale</th>
            <th scope="col">Owner</th>
            <th scope="col">Review date</th>
          </tr>
        </thead>
        <tbody>
          {items.map((d) => (
            <Row key={d.id} entry={d} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
