import { useEffect, useState } from 'react';
import type { TArea } from '../../../shared/org.ts';
import type { InsightFilter } from '../../api-insights.ts';
import { FilterSelect } from '../../components/filter-select.tsx';
import { KIND_OPTIONS, type Taxonomy } from './labels.ts';

/** Kind, theme, severity, area, source, unreviewed only and words; the page keeps them in the URL. */
export function InboxFilters({
  filter,
  tax,
  areas,
  onChange,
}: {
  filter: InsightFilter;
  tax: Taxonomy;
  areas: readonly TArea[];
  onChange: (f: InsightFilter) => void;
}) {
  const [q, setQ] = useState(filter.q ?? '');
  // Search as you type, one request per pause rather than per key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed words start a search
  useEffect(() => {
    if (q === (filter.q ?? '')) return;
    const t = setTimeout(() => onChange({ ...filter, q }), 300);
    return () => clearTimeout(t);
  }, [q]);
  const keyed = (list: readonly { key: string; label: string }[]) =>
    list.map((x) => ({ value: x.key, label: x.label }));
  return (
    <fieldset className="filters insight-filters">
      <legend className="visually-hidden">Filter feedback</legend>
      <div className="filter">
        <label htmlFor="filter-q" className="filter-label">
          Search
        </label>
        <input id="filter-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      <FilterSelect
        id="filter-kind"
        label="Kind"
        value={filter.kind ?? ''}
        all="Any kind"
        options={KIND_OPTIONS}
        onChange={(kind) => onChange({ ...filter, kind })}
      />
      <FilterSelect
        id="filter-theme"
        label="Theme"
        value={filter.theme ?? ''}
        all="Any theme"
        options={keyed(tax.themes)}
        onChange={(theme) => onChange({ ...filter, theme })}
      />
      <FilterSelect
        id="filter-severity"
        label="Severity"
        value={filter.severity ?? ''}
        all="Any severity"
        options={keyed(tax.severities)}
        onChange={(severity) => onChange({ ...filter, severity })}
      />
      <FilterSelect
        id="filter-area"
        label="Area"
        value={filter.areaId ?? ''}
        all="All areas"
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
        onChange={(areaId) => onChange({ ...filter, areaId })}
      />
      <FilterSelect
        id="filter-source"
        label="Source"
        value={filter.source ?? ''}
        all="All sources"
        options={keyed(tax.sources)}
        onChange={(source) => onChange({ ...filter, source })}
      />
      <div className="filter filter-check">
        <input
          id="filter-unreviewed"
          type="checkbox"
          checked={filter.reviewed === 'false'}
          onChange={(e) => onChange({ ...filter, reviewed: e.target.checked ? 'false' : undefined })}
        />
        <label htmlFor="filter-unreviewed">Unreviewed only</label>
      </div>
      {filter.groupId ? (
        <p className="filter">
          Near-duplicates of one item only.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onChange({ ...filter, groupId: undefined })}
          >
            Show every item
          </button>
        </p>
      ) : null}
    </fieldset>
  );
}
