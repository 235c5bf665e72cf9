import type { TArea } from '../../../shared/org.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import type { RoadmapFilter } from '../../lib/roadmap-items.ts';
import { ROADMAP_STATUS_OPTIONS, VISIBILITY_OPTIONS } from '../../lib/roadmap-labels.ts';

/** Area, status, visibility and "waiting for review only"; the page keeps them in the URL. */
export function RoadmapFilters({
  filter,
  areas,
  onChange,
}: {
  filter: RoadmapFilter;
  areas: readonly TArea[];
  onChange: (filter: RoadmapFilter) => void;
}) {
  return (
    <fieldset className="filters roadmap-filters">
      <legend className="visually-hidden">Filter roadmap items</legend>
      <FilterSelect
        id="filter-area"
        label="Area"
        value={filter.areaId}
        options={[{ value: '', label: 'All areas' }, ...areas.map((a) => ({ value: a.id, label: a.name }))]}
        onChange={(areaId) => onChange({ ...filter, areaId })}
      />
      <FilterSelect
        id="filter-status"
        label="Status"
        value={filter.status}
        options={[
          { value: '', label: 'Any but dropped' },
          { value: 'all', label: 'Any, dropped too' },
          ...ROADMAP_STATUS_OPTIONS,
        ]}
        onChange={(status) => onChange({ ...filter, status: status as RoadmapFilter['status'] })}
      />
      <FilterSelect
        id="filter-visibility"
        label="Visibility"
        value={filter.visibility}
        options={[{ value: '', label: 'Any visibility' }, ...VISIBILITY_OPTIONS]}
        onChange={(v) => onChange({ ...filter, visibility: v as RoadmapFilter['visibility'] })}
      />
      <div className="filter filter-check">
        <input
          id="filter-pending"
          type="checkbox"
          checked={filter.pending}
          onChange={(e) => onChange({ ...filter, pending: e.target.checked })}
        />
        <label htmlFor="filter-pending">Waiting for review only</label>
      </div>
    </fieldset>
  );
}
