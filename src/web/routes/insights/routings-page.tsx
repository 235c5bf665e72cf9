import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addWeeks, currentWeekKey, isWeekKey } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import { insightsApi } from '../../api-insights.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { plural } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { InsightsTabs } from './insights-tabs.tsx';
import { managesInsights } from './labels.ts';
import { RoutingsTable } from './routings-table.tsx';
import { useInsightsBase } from './use-insights-base.ts';
import './insights.css';

/** C6 routing: the week's top themes sent to the owning PMs, and what each PM decided. */
export function RoutingsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [note, setNote] = useState('');
  const write = useWrite([['insights'], ['home']]);
  const base = useInsightsBase();
  // This week where the org is, as the weekly triage counts it.
  const thisWeek = base.data ? currentWeekKey(systemClock.now(), base.data.timeZone) : null;
  const asked = params.get('week') ?? '';
  const week = isWeekKey(asked) ? asked : thisWeek;
  const mine = params.get('mine') === '1';
  const open = params.get('open') === '1';
  const list = useLoad(week ? ['insights', 'routings', 'list', week, mine, open] : null, (signal) =>
    insightsApi.routings({ week: week ?? undefined, mine, open }, signal),
  );
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Page
      title="Routed themes"
      intro={
        <p>
          Every week the top themes go to the PM who owns the area holding most of them, with the evidence.
          The PM decides: backlog, needs research, already addressed, or won't do (with why).
        </p>
      }
    >
      <InsightsTabs />
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!base.data || !week ? (
        base.error ? null : (
          <Loading what="routed themes" />
        )
      ) : (
        <section aria-labelledby="week-heading">
          <div className="section-header">
            <h2 id="week-heading">
              Week {week}
              {week === thisWeek ? ' (this week)' : ''}
            </h2>
            {managesInsights(me) ? (
              <ActionButton
                primary
                pendingText="Running triage…"
                run={async () => {
                  setNote('');
                  // Triage routes themes: the routings, the themes and the home page's lines change.
                  const result = await write(() => insightsApi.triage(week));
                  setNote(
                    result.routed.length
                      ? `Routed ${plural(result.routed.length, 'theme')} to their PMs.`
                      : 'Nothing new to route: these themes were routed already.',
                  );
                }}
              >
                Run triage now
              </ActionButton>
            ) : null}
          </div>
          <LiveStatus>{note}</LiveStatus>
          <nav aria-label="Weeks" className="pager">
            <Link to={`/insights/routings?week=${addWeeks(week, -1)}`}>← Previous week</Link>
            {week !== thisWeek ? <Link to="/insights/routings">This week</Link> : null}
            <Link to={`/insights/routings?week=${addWeeks(week, 1)}`}>Next week →</Link>
          </nav>
          <fieldset className="filters">
            <legend className="visually-hidden">Filter routed themes</legend>
            <div className="filter filter-check">
              <input
                id="routings-mine"
                type="checkbox"
                checked={mine}
                onChange={(e) => setParam('mine', e.target.checked ? '1' : null)}
              />
              <label htmlFor="routings-mine">Only mine</label>
            </div>
            <div className="filter filter-check">
              <input
                id="routings-open"
                type="checkbox"
                checked={open}
                onChange={(e) => setParam('open', e.target.checked ? '1' : null)}
              />
              <label htmlFor="routings-open">Only awaiting a decision</label>
            </div>
          </fieldset>
          {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
          {list.data ? (
            <div aria-busy={list.loading}>
              <p className="result-count">{plural(list.data.items.length, 'routed theme')}</p>
              <RoutingsTable items={list.data.items} base={base.data} />
            </div>
          ) : list.error ? null : (
            <Loading what="the list" />
          )}
        </section>
      )}
    </Page>
  );
}
