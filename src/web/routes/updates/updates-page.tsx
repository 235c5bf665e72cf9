import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { addWeeks, isWeekKey } from '../../../shared/calendar.ts';
import { api } from '../../api-client.ts';
import { updatesApi } from '../../api-updates.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { StatusBoard } from './status-board.tsx';
import '../insights/insights.css';
import './updates.css';
import '../releases/releases.css';

const isWeek = (s: string | null): s is string => s !== null && isWeekKey(s);

/** Under 'updates': a publication invalidates it, so the new version shows without a reload. */
function Archive({ timeZone }: { timeZone: string }) {
  const [q, setQ] = useState('');
  const list = useLoad(['updates', 'archive', q], (signal) => updatesApi.list(q.trim(), signal));
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="archive-heading">
      <div className="section-header">
        <h2 id="archive-heading">Published updates</h2>
      </div>
      <form className="search-box" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="archive-q" className="filter-label">
          Search the archive
        </label>
        <input
          id="archive-q"
          type="search"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
        />
      </form>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data ? (
        list.error ? null : (
          <Loading what="the archive" />
        )
      ) : items.length === 0 ? (
        <p className="muted">{q ? 'No published update matches.' : 'Nothing published yet.'}</p>
      ) : (
        <ul className="archive" aria-busy={list.loading}>
          {items.map((i) => (
            <li key={i.week}>
              <Link to={`/updates/${i.week}`}>
                {i.week}: {i.title}
              </Link>{' '}
              <span className="muted">
                published {formatDateTimeIn(i.publishedAt, timeZone)}
                {i.version > 1 ? ` (version ${i.version})` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** C3: this week's status board (who submitted, who is late), publication, and the published archive. */
export function UpdatesPage() {
  const [params, setParams] = useSearchParams();
  const base = useLoad(['updates', 'base'], async (signal) => {
    const [{ settings }, list] = await Promise.all([api.settings.get(signal), updatesApi.list('', signal)]);
    return { timeZone: settings.timeZone, currentWeek: list.currentWeek };
  });
  const requested = params.get('week');
  const currentWeek = base.data?.currentWeek ?? null;
  const week = isWeek(requested) ? requested : currentWeek;
  const board = useLoad(week ? ['updates', 'board', week] : null, (signal) =>
    updatesApi.board(week ?? '', signal),
  );

  const show = (next: string) => {
    setParams(next === currentWeek ? {} : { week: next }, { replace: true });
  };

  return (
    <Page
      title="Weekly update"
      intro={
        <p>
          Each product area's PM writes five bullets a week; Product Ops publishes them as the Weekly Product
          Update.
        </p>
      }
    >
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!base.data || !week ? (
        base.error ? null : (
          <Loading what="the weekly update" />
        )
      ) : (
        <>
          <section aria-labelledby="board-heading">
            <div className="section-header">
              <h2 id="board-heading">
                Week {week}
                {week === currentWeek ? ' (this week)' : ''}
              </h2>
            </div>
            <fieldset className="button-row toggle">
              <legend className="visually-hidden">Week</legend>
              <button type="button" className="button" onClick={() => show(addWeeks(week, -1))}>
                ← Previous week
              </button>
              {week !== currentWeek && currentWeek ? (
                <button type="button" className="button" onClick={() => show(currentWeek)}>
                  This week
                </button>
              ) : null}
              <button type="button" className="button" onClick={() => show(addWeeks(week, 1))}>
                Next week →
              </button>
            </fieldset>
            {board.error ? <LoadError error={board.error} retry={board.reload} /> : null}
            {board.data && board.data.week === week ? (
              <div aria-busy={board.loading}>
                <StatusBoard board={board.data} timeZone={base.data.timeZone} />
              </div>
            ) : board.error ? null : (
              <Loading what="the status board" />
            )}
          </section>
          <Archive timeZone={base.data.timeZone} />
        </>
      )}
    </Page>
  );
}
