import { Link } from 'react-router';
import type { TRouting } from '../../../shared/insights.ts';
import { plural } from '../../lib/labels.ts';
import { labelIn, type Taxonomy } from './labels.ts';
import { CrossAreaFlag, DecisionBadge } from './routing-status.tsx';
import { SeverityMix } from './severity-mix.tsx';
import type { InsightsBase } from './use-insights-base.ts';
import { personName } from './use-insights-base.ts';

const themeLabel = (tax: Taxonomy, r: TRouting) => r.evidence.label || labelIn(tax.themes, r.theme);

/** A week's routed themes by rank: who owns each, the evidence, the decision. */
export function RoutingsTable({ items, base }: { items: readonly TRouting[]; base: InsightsBase }) {
  if (items.length === 0) return <p className="empty">Nothing routed for this week yet.</p>;
  return (
    <div className="table-wrap">
      <table className="routings">
        <caption className="visually-hidden">Routed themes by rank</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Theme</th>
            <th scope="col">Area</th>
            <th scope="col">Owner</th>
            <th scope="col">Evidence</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td className="num">{r.rank}</td>
              <th scope="row">
                <Link to={`/insights/routings/${r.id}`}>{themeLabel(base.tax, r)}</Link>{' '}
                <CrossAreaFlag routing={r} />
              </th>
              <td>{r.areaName ?? <span className="muted">no area</span>}</td>
              <td>{personName(base.people, r.ownerId) ?? <span className="muted">needs an owner</span>}</td>
              <td>
                {plural(r.evidence.volume, 'item')}
                <SeverityMix counts={r.evidence.severity} tax={base.tax} />
              </td>
              <td>
                <DecisionBadge routing={r} />
                {r.rationale ? <span className="cell-note">{r.rationale}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
