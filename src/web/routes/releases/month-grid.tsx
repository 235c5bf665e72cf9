import { Link } from 'react-router';
import { addDays, startOfWeek } from '../../../shared/calendar.ts';
import type { TRelease } from '../../../shared/releases.ts';
import { formatLocalDate, formatMonth } from '../../lib/org-time.ts';
import { STATUS_LABELS, tierText } from '../../lib/release-labels.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Monday-to-Sunday weeks covering the month of `date`. */
export function gridRange(month: string): { from: string; to: string } {
  const from = startOfWeek(`${month.slice(0, 7)}-01`);
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
  const to = addDays(startOfWeek(last.toISOString().slice(0, 10)), 6);
  return { from, to };
}

function weeksOf(month: string): string[][] {
  const { from, to } = gridRange(month);
  const weeks: string[][] = [];
  for (let d = from; d <= to; d = addDays(d, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(d, i)));
  }
  return weeks;
}

function Launch({ r }: { r: TRelease }) {
  return (
    <li className={`launch tier-${r.tier ?? 'none'}`}>
      <Link to={`/releases/${r.id}`}>
        {r.title}
        <span className="visually-hidden">
          , {tierText(r.tier)}, {STATUS_LABELS[r.status]}
        </span>
      </Link>
    </li>
  );
}

/** Launches by target date on a month grid, coloured by tier (the tier is also in each link's name). */
export function MonthGrid({
  month,
  items,
  today,
}: {
  month: string;
  items: readonly TRelease[];
  today: string;
}) {
  const byDate = new Map<string, TRelease[]>();
  for (const r of items) byDate.set(r.targetDate, [...(byDate.get(r.targetDate) ?? []), r]);
  const inMonth = (d: string) => d.slice(0, 7) === month.slice(0, 7);
  return (
    <div className="table-wrap">
      <table className="month-grid">
        <caption className="visually-hidden">Launches in {formatMonth(month)}</caption>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th scope="col" key={d}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOf(month).map((week) => (
            <tr key={week[0]}>
              {week.map((d) => {
                const launches = byDate.get(d) ?? [];
                const cls = ['day-cell', inMonth(d) ? '' : 'other-month', d === today ? 'today' : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={d} className={cls}>
                    <span className="day-number">
                      <span aria-hidden="true">{Number(d.slice(8))}</span>
                      <span className="visually-hidden">{formatLocalDate(d, true)}</span>
                    </span>
                    {d === today ? <span className="visually-hidden"> (today)</span> : null}
                    {launches.length ? (
                      <ul className="launches">
                        {launches.map((r) => (
                          <Launch key={r.id} r={r} />
                        ))}
                      </ul>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same launches as a list, in date order: what a screen reader or a narrow screen reads best. */
export function LaunchList({ month, items }: { month: string; items: readonly TRelease[] }) {
  const mine = items
    .filter((r) => r.targetDate.slice(0, 7) === month.slice(0, 7))
    .sort((a, b) => a.targetDate.localeCompare(b.targetDate) || a.title.localeCompare(b.title));
  return (
    <section aria-labelledby="launch-list-heading">
      <h2 id="launch-list-heading">Launches in {formatMonth(month)}</h2>
      {mine.length === 0 ? (
        <p className="empty">No launch this month.</p>
      ) : (
        <ul className="launch-list">
          {mine.map((r) => (
            <li key={r.id}>
              <time dateTime={r.targetDate}>{formatLocalDate(r.targetDate, true)}</time>:{' '}
              <Link to={`/releases/${r.id}`}>{r.title}</Link>{' '}
              <span className="muted">
                ({tierText(r.tier)}
                {r.areaName ? `, ${r.areaName}` : ''}, {STATUS_LABELS[r.status].toLowerCase()})
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
