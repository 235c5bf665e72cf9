import { Link } from 'react-router';
import type { TOccurrence } from '../../../shared/cadence.ts';
import { addDays, addMonths, endOfMonth, startOfMonth, startOfWeek } from '../../../shared/calendar.ts';
import { ROLE_LABELS } from '../../lib/labels.ts';
import { formatLocalDate, formatMonth, formatTime } from '../../lib/org-time.ts';
import { OccurrenceBadges } from './occurrence-badges.tsx';

export type CalendarView = 'week' | 'month';

/** The local dates a view shows around `date`: its week (Monday first) or its calendar month. */
export function rangeOf(view: CalendarView, date: string): { from: string; to: string } {
  if (view === 'week') {
    const from = startOfWeek(date);
    return { from, to: addDays(from, 6) };
  }
  return { from: startOfMonth(date), to: endOfMonth(date) };
}

export const stepDate = (view: CalendarView, date: string, step: 1 | -1): string =>
  view === 'week' ? addDays(startOfWeek(date), 7 * step) : addMonths(date, step);

export function rangeTitle(view: CalendarView, date: string): string {
  if (view === 'month') return formatMonth(date);
  const { from, to } = rangeOf('week', date);
  return `Week of ${formatLocalDate(from)} – ${formatLocalDate(to, true)}`;
}

/** Previous / today / next, and the week-or-month toggle (pressed buttons, so the state is announced). */
export function CalendarControls({
  view,
  date,
  today,
  onChange,
}: {
  view: CalendarView;
  date: string;
  today: string;
  onChange: (view: CalendarView, date: string) => void;
}) {
  const unit = view === 'week' ? 'week' : 'month';
  return (
    <div className="calendar-controls">
      <fieldset className="toggle">
        <legend className="visually-hidden">Show a week or a month</legend>
        {(['week', 'month'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className="button small"
            aria-pressed={view === v}
            onClick={() => onChange(v, date)}
          >
            {v === 'week' ? 'Week' : 'Month'}
          </button>
        ))}
      </fieldset>
      <div className="pager">
        <button
          type="button"
          className="button small"
          onClick={() => onChange(view, stepDate(view, date, -1))}
        >
          ← Previous {unit}
        </button>
        <button type="button" className="button small" onClick={() => onChange(view, today)}>
          Today
        </button>
        <button
          type="button"
          className="button small"
          onClick={() => onChange(view, stepDate(view, date, 1))}
        >
          Next {unit} →
        </button>
      </div>
    </div>
  );
}

function OccurrenceRow({ o, timeZone, today }: { o: TOccurrence; timeZone: string; today: string }) {
  return (
    <tr className={o.localDate === today ? 'today' : undefined}>
      <td className="when">
        <Link to={`/cadence/occurrences/${o.id}`}>
          <time dateTime={o.startsAt}>
            {formatLocalDate(o.localDate)}, {formatTime(o.startsAt, timeZone)}
            {o.endsAt !== o.startsAt ? `–${formatTime(o.endsAt, timeZone)}` : ''}
          </time>
          <span className="visually-hidden"> {o.ritualName}</span>
        </Link>
        {o.localDate === today ? <span className="badge">today</span> : null}
      </td>
      <th scope="row">
        <Link to={`/cadence/rituals/${o.ritualId}`}>{o.ritualName}</Link>
        <span className="cell-note">Owner: {ROLE_LABELS[o.ownerRole] ?? o.ownerRole}</span>
      </th>
      <td>{o.outputArtifact}</td>
      <td>
        <OccurrenceBadges o={o} />
      </td>
    </tr>
  );
}

/** The occurrences of a range, one table per week (Monday first), times in the org's time zone. */
export function CalendarWeeks({
  items,
  timeZone,
  today,
}: {
  items: readonly TOccurrence[];
  timeZone: string;
  today: string;
}) {
  if (items.length === 0) return <p className="empty">No rituals in this period.</p>;
  const weeks = new Map<string, TOccurrence[]>();
  const sorted = [...items].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const o of sorted) {
    const week = startOfWeek(o.localDate);
    weeks.set(week, [...(weeks.get(week) ?? []), o]);
  }
  return (
    <div className="calendar">
      {[...weeks.entries()].map(([week, list]) => (
        <div className="table-wrap" key={week}>
          <table className="calendar-week">
            <caption>
              Week of {formatLocalDate(week)}
              {week === startOfWeek(today) ? <span className="badge">this week</span> : null}
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Ritual</th>
                <th scope="col">Output artifact</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <OccurrenceRow key={o.id} o={o} timeZone={timeZone} today={today} />
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
