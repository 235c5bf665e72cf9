import { Link } from 'react-router';
import type { TArea } from '../../../shared/org.ts';
import type { TRelease } from '../../../shared/releases.ts';
import type { ReleaseFilter } from '../../api-releases.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import { leadTimeState } from '../../lib/lead-time.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { STATUS_OPTIONS, TIER_OPTIONS } from '../../lib/release-labels.ts';
import { LaunchDay } from './launch-day.tsx';
import { StatusBadge, TierBadge } from './release-badges.tsx';

/** Area, status and tier; the page keeps them in the URL so a filtered list can be shared. */
export function ReleaseFilters({
  filter,
  areas,
  onChange,
}: {
  filter: ReleaseFilter;
  areas: readonly TArea[];
  onChange: (filter: ReleaseFilter) => void;
}) {
  return (
    <fieldset className="filters">
      <legend className="visually-hidden">Filter releases</legend>
      <FilterSelect
        id="filter-area"
        label="Area"
        value={filter.areaId ?? ''}
        all="All areas"
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
        onChange={(areaId) => onChange({ ...filter, areaId })}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        value={filter.status ?? ''}
        all="Any status"
        options={STATUS_OPTIONS}
        onChange={(status) => onChange({ ...filter, status: status as ReleaseFilter['status'] })}
      />
      <FilterSelect
        id="filter-tier"
        label="Tier"
        value={filter.tier ?? ''}
        all="Any tier"
        options={TIER_OPTIONS}
        onChange={(tier) => onChange({ ...filter, tier })}
      />
    </fieldset>
  );
}

function BundleCell({ r }: { r: TRelease }) {
  if (!r.distributedOn && !r.publishedOn) return <span className="muted">—</span>;
  return (
    <ul className="plain">
      {r.distributedOn ? <li>Distributed {formatLocalDate(r.distributedOn)}</li> : null}
      {r.publishedOn ? <li>Published {formatLocalDate(r.publishedOn)}</li> : null}
    </ul>
  );
}

export function ReleasesTable({ items, today }: { items: readonly TRelease[]; today: string }) {
  if (items.length === 0) return <p className="empty">No release matches.</p>;
  return (
    <div className="table-wrap">
      <table className="releases">
        <caption className="visually-hidden">Releases by target date</caption>
        <thead>
          <tr>
            <th scope="col">Release</th>
            <th scope="col">Area</th>
            <th scope="col">Tier</th>
            <th scope="col">Target date</th>
            <th scope="col">Status</th>
            <th scope="col">Bundle</th>
            <th scope="col">Lead time</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => {
            const lt = leadTimeState(r, today);
            return (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/releases/${r.id}`}>{r.title}</Link>
                  {r.pmOwnerName ? <span className="cell-note">PM: {r.pmOwnerName}</span> : null}
                </th>
                <td>{r.areaName ?? <span className="muted">none</span>}</td>
                <td>
                  <TierBadge tier={r.tier} />
                </td>
                <td className="when">
                  <LaunchDay r={r} />
                </td>
                <td>
                  <StatusBadge status={r.status} />
                </td>
                <td>
                  <BundleCell r={r} />
                </td>
                <td>
                  <span className={lt.tone ? `lead-${lt.tone}` : undefined}>{lt.text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
