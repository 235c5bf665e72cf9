import { Link, useSearchParams } from 'react-router';
import { addMonths, isLocalDate, todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TRelease } from '../../../shared/releases.ts';
import { api } from '../../api-client.ts';
import { releasesApi } from '../../api-releases.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatMonth } from '../../lib/org-time.ts';
import { TIER_NAMES } from '../../lib/release-labels.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useSeesDay } from './launch-day.tsx';
import { gridRange, LaunchList, MonthGrid } from './month-grid.tsx';
import '../cadence/cadence.css';
import './releases.css';

const isMonth = (s: string | null): s is string =>
  s !== null && /^\d{4}-\d{2}$/.test(s) && isLocalDate(`${s}-01`);

function Legend() {
  return (
    <ul className="tier-legend" aria-label="Colours">
      {([1, 2, 3] as const).map((t) => (
        <li key={t} className={`launch tier-${t}`}>
          Tier {t} ({TIER_NAMES[t]})
        </li>
      ))}
    </ul>
  );
}

/** A stakeholder's launches without an announced day: a range, not a day on the grid (the pack's rule). */
function NotAnnounced({ items }: { items: readonly TRelease[] }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby="not-announced-heading">
      <h2 id="not-announced-heading">Planned, day not announced yet</h2>
      <ul className="launch-list">
        {items.map((r) => (
          <li key={r.id}>
            {r.when.text}: <Link to={`/releases/${r.id}`}>{r.title}</Link>{' '}
            <span className="muted">(Tier {r.tier ?? 'not set'})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** C5: the launch calendar, one month at a time (weeks Monday to Sunday), by target date. */
export function LaunchCalendarPage() {
  const [params, setParams] = useSearchParams();
  const base = useLoad(['releases', 'calendar-base'], async (signal) => {
    const { settings } = await api.settings.get(signal);
    return { today: todayIn(settings.timeZone, systemClock.now()) };
  });
  const today = base.data?.today ?? null;
  const requested = params.get('month');
  const month = isMonth(requested) ? `${requested}-01` : today ? `${today.slice(0, 7)}-01` : null;
  const range = month ? gridRange(month) : null;
  const list = useLoad(range ? ['releases', 'calendar', range.from, range.to] : null, (signal) =>
    releasesApi.list(range ?? {}, signal),
  );
  const seesDay = useSeesDay();
  const show = (m: string) => {
    const key = m.slice(0, 7);
    setParams(today && key === today.slice(0, 7) ? {} : { month: key }, { replace: true });
  };

  return (
    <Page
      title="Launch calendar"
      intro={
        <p>
          Launches by target date, coloured by tier. <Link to="/releases">All releases</Link>
        </p>
      }
    >
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!month || !today ? (
        base.error ? null : (
          <Loading what="the calendar" />
        )
      ) : (
        <>
          <section aria-labelledby="month-heading">
            <div className="section-header">
              <h2 id="month-heading">{formatMonth(month)}</h2>
            </div>
            <div className="calendar-controls">
              <Legend />
              <div className="pager">
                <button type="button" className="button small" onClick={() => show(addMonths(month, -1))}>
                  ← Previous month
                </button>
                <button type="button" className="button small" onClick={() => show(today)}>
                  This month
                </button>
                <button type="button" className="button small" onClick={() => show(addMonths(month, 1))}>
                  Next month →
                </button>
              </div>
            </div>
            {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
            {list.data ? (
              // On a phone the stylesheet hides the grid (phone.css): the launch list below is the agenda.
              <div aria-busy={list.loading} className="calendar-grid">
                <MonthGrid month={month} items={list.data.filter(seesDay)} today={today} />
              </div>
            ) : list.error ? null : (
              <Loading what="launches" />
            )}
          </section>
          {list.data ? <LaunchList month={month} items={list.data.filter(seesDay)} /> : null}
          {list.data ? <NotAnnounced items={list.data.filter((r) => !seesDay(r))} /> : null}
        </>
      )}
    </Page>
  );
}
