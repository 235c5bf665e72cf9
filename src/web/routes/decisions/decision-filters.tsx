import { useEffect, useState } from 'react';
import { FilterSelect } from '../../components/filter-select.tsx';
import { type DecisionFilterValues, isFiltered } from '../../lib/decision-filter.ts';
import type { DecisionOptions, Option } from './decision-options.ts';

function DateFilter({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="filter">
      <label htmlFor={id} className="filter-label">
        {label}
      </label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const STATUS_OPTIONS: Option[] = [
  { value: 'active', label: 'Active' },
  { value: 'superseded', label: 'Superseded' },
];

/** Search and filters of the decision log; the page keeps them in the URL. */
export function DecisionFilters({
  filter,
  options,
  onChange,
}: {
  filter: DecisionFilterValues;
  options: DecisionOptions;
  onChange: (filter: DecisionFilterValues) => void;
}) {
  const [q, setQ] = useState(filter.q ?? '');
  // One request per pause in typing, not per key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed words start a search
  useEffect(() => {
    if (q === (filter.q ?? '')) return;
    const t = setTimeout(() => onChange({ ...filter, q }), 300);
    return () => clearTimeout(t);
  }, [q]);
  const select = (
    key: keyof DecisionFilterValues,
    id: string,
    label: string,
    all: string,
    list: Option[],
  ) => (
    <FilterSelect
      id={id}
      label={label}
      value={filter[key] ?? ''}
      all={all}
      options={list}
      onChange={(value) => onChange({ ...filter, [key]: value })}
    />
  );
  return (
    <fieldset className="filters decision-filters">
      <legend className="visually-hidden">Search and filter the decision log</legend>
      <div className="filter">
        <label htmlFor="decision-q" className="filter-label">
          Search
        </label>
        <input id="decision-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {select('ownerId', 'decision-owner', 'Owner', 'Anyone', options.people)}
      {select('status', 'decision-status', 'Status', 'Any status', STATUS_OPTIONS)}
      {select('areaId', 'decision-area', 'Area', 'All areas', options.areas)}
      {select('roadmapItemId', 'decision-item', 'Roadmap item', 'Any item', options.items)}
      {select('releaseId', 'decision-release', 'Release', 'Any release', options.releases)}
      {select('theme', 'decision-theme', 'Theme', 'Any theme', options.themes)}
      <DateFilter
        id="decision-from"
        label="Decided from"
        value={filter.from ?? ''}
        onChange={(from) => onChange({ ...filter, from })}
      />
      <DateFilter
        id="decision-to"
        label="Decided until"
        value={filter.to ?? ''}
        onChange={(to) => onChange({ ...filter, to })}
      />
      <div className="filter filter-check">
        <input
          id="decision-due"
          type="checkbox"
          checked={filter.due === 'true'}
          onChange={(e) => onChange({ ...filter, due: e.target.checked ? 'true' : undefined })}
        />
        <label htmlFor="decision-due">Review due only</label>
      </div>
      {isFiltered(filter) ? (
        <button
          type="button"
          className="button small"
          onClick={() => {
            setQ('');
            onChange({});
          }}
        >
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}
