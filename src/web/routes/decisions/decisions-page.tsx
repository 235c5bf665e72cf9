import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { emptyDraft } from '../../lib/decision-draft.ts';
import {
  type DecisionFilterValues,
  filterFromParams,
  filterKey,
  isFiltered,
  paramsFromFilter,
} from '../../lib/decision-filter.ts';
import { plural } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { usePaged } from '../../lib/use-paged.ts';
import { RoadmapTabs } from '../roadmap/roadmap-tabs.tsx';
import { DecisionFilters } from './decision-filters.tsx';
import { DecisionForm } from './decision-form.tsx';
import { canRecordDecision, type DecisionOptions, useDecisionOptions } from './decision-options.ts';
import { DecisionTable } from './decision-table.tsx';
import { decisionsApi } from './decisions-api.ts';
import '../cadence/cadence.css';
import './decisions.css';

function RecordPanel({ options }: { options: DecisionOptions }) {
  const me = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  return (
    <CreatePanel label="Record a decision" open={open} onOpenChange={setOpen}>
      <h2>Record a decision</h2>
      <DecisionForm
        id="new-decision"
        options={options}
        initial={emptyDraft(todayIn(options.timeZone, systemClock.now()), me.id)}
        onCancel={() => setOpen(false)}
        onSaved={(entry) => navigate(`/decisions/${entry.id}`)}
      />
    </CreatePanel>
  );
}

function LogList({ filter }: { filter: DecisionFilterValues }) {
  const list = usePaged(['decisions', 'list', filterKey(filter)], (cursor, signal) =>
    decisionsApi.list(filter, cursor, signal),
  );
  if (!list.items)
    return list.error ? <LoadError error={list.error} retry={list.reload} /> : <Loading what="the log" />;
  return (
    <div aria-busy={list.loading}>
      <p className="result-count" role="status">
        {list.items.length === 0
          ? ''
          : `${plural(list.items.length, 'decision')}${list.hasMore ? ' shown, more below' : ''}`}
      </p>
      {list.items.length === 0 ? (
        <p className="empty">{isFiltered(filter) ? 'No decision matches.' : 'No decision recorded yet.'}</p>
      ) : (
        <DecisionTable items={list.items} />
      )}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {list.hasMore ? (
        <button
          type="button"
          className="button"
          onClick={list.loadMore}
          aria-disabled={list.loadingMore || undefined}
        >
          {list.loadingMore ? 'Loading…' : 'Load more decisions'}
        </button>
      ) : null}
    </div>
  );
}

/** C4: the decision log (pack §4): search, filters in the URL, "review due", superseded entries linked onward. */
export function DecisionsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const options = useDecisionOptions();
  return (
    <Page
      title="Decision log"
      intro={
        <p>
          Every significant product decision with its context, options, rationale, owner and review date. The
          log is append-only: an entry is revisited or superseded, never edited. Decisions taken in a{' '}
          <Link to="/roadmap/reviews">Roadmap Review</Link> are linked to it.
        </p>
      }
    >
      <RoadmapTabs />
      {options.data && canRecordDecision(me) ? <RecordPanel options={options.data} /> : null}
      {options.error ? <LoadError error={options.error} retry={options.reload} /> : null}
      {options.data ? (
        <DecisionFilters
          filter={filter}
          options={options.data}
          onChange={(f) => setParams(paramsFromFilter(f), { replace: true })}
        />
      ) : null}
      <LogList filter={filter} />
    </Page>
  );
}
