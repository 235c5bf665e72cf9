import { Link } from 'react-router';
import type { TAdoptionPart, TOccurrence, TOccurrenceDetail } from '../../../shared/cadence.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { formatLocalDate, formatTime } from '../../lib/org-time.ts';
import { artifactState, OccurrenceBadges } from './occurrence-badges.tsx';

/** Present / expected, once attendance is taken (the people recorded are the expected ones then). */
export function attendanceOf(d: TOccurrenceDetail): { present: number; expected: number; recorded: boolean } {
  const recorded = d.attendance.filter((a) => a.present !== null);
  return {
    present: recorded.filter((a) => a.present).length,
    expected: recorded.length ? recorded.length : d.attendance.length,
    recorded: recorded.length > 0,
  };
}

const ARTIFACT_TEXT = {
  on_time: 'on time',
  late: 'late',
  overdue: 'missing (overdue)',
  due: 'not yet due',
} as const;

function When({ o, timeZone }: { o: TOccurrence | TOccurrenceDetail; timeZone: string }) {
  return (
    <Link to={`/cadence/occurrences/${o.id}`}>
      <time dateTime={o.startsAt}>
        {formatLocalDate(o.localDate, true)}, {formatTime(o.startsAt, timeZone)}
      </time>
    </Link>
  );
}

export function UpcomingOccurrences({
  items,
  timeZone,
}: {
  items: readonly TOccurrence[];
  timeZone: string;
}) {
  return (
    <section aria-labelledby="upcoming-heading">
      <h2 id="upcoming-heading">Upcoming</h2>
      {items.length === 0 ? (
        <p className="empty">Nothing scheduled in the next weeks.</p>
      ) : (
        <ul className="occurrence-list">
          {items.map((o) => (
            <li key={o.id}>
              <When o={o} timeZone={timeZone} /> <OccurrenceBadges o={o} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Past occurrences with their attendance and whether the artifact came on time, then as a chart. */
export function PastOccurrences({
  items,
  timeZone,
  attendanceTarget,
}: {
  items: readonly TOccurrenceDetail[];
  timeZone: string;
  attendanceTarget: number;
}) {
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">Past occurrences</h2>
      {items.length === 0 ? (
        <p className="empty">None yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Past occurrences, most recent first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Attendance</th>
                <th scope="col">Artifact</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => {
                const a = attendanceOf(o);
                const artifact = artifactState(o);
                return (
                  <tr key={o.id}>
                    <td className="when">
                      <When o={o} timeZone={timeZone} />
                    </td>
                    <td>
                      <OccurrenceBadges o={o} />{' '}
                      {o.status === 'scheduled' ? <span className="muted">not marked held</span> : null}
                    </td>
                    <td>
                      {a.expected === 0
                        ? 'nobody expected'
                        : a.recorded
                          ? `${a.present} of ${a.expected} present`
                          : 'not recorded'}
                    </td>
                    <td>{artifact ? ARTIFACT_TEXT[artifact] : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <AttendanceChart items={items} target={attendanceTarget} />
    </section>
  );
}

/** Attendance per occurrence against the share the adoption metric needs, oldest first. */
function AttendanceChart({ items, target }: { items: readonly TOccurrenceDetail[]; target: number }) {
  const withPeople = items
    .filter((o) => o.status !== 'skipped' && o.status !== 'cancelled' && o.attendance.length > 0)
    .slice()
    .reverse();
  if (withPeople.length === 0) return null;
  return (
    <BarChart
      title="Attendance per occurrence"
      valueHeading="Present"
      target={target}
      targetLabel="Needed"
      bars={withPeople.map((o) => {
        const a = attendanceOf(o);
        const artifact = artifactState(o);
        return {
          key: o.id,
          label: formatLocalDate(o.localDate, true),
          value: a.recorded && a.expected ? Math.round((a.present * 1000) / a.expected) / 10 : null,
          detail: `${a.recorded ? `${a.present} of ${a.expected} present` : 'attendance not recorded'} · artifact ${artifact ? ARTIFACT_TEXT[artifact] : 'not expected'}`,
        };
      })}
    />
  );
}

/** This ritual's adoption over the last 90 days, against the target. */
export function RitualAdoption({
  adoption,
  target,
}: {
  adoption: TAdoptionPart | undefined;
  target: number;
}) {
  return (
    <section aria-labelledby="ritual-adoption-heading" className="adoption">
      <h2 id="ritual-adoption-heading">Adoption</h2>
      {adoption?.pct === null || adoption === undefined ? (
        <p>No occurrence to judge in the last 90 days yet.</p>
      ) : (
        <>
          <p className="adoption-headline">
            <span className={`adoption-value ${adoption.pct >= target ? 'meets' : 'below'}`}>
              {adoption.pct}%
            </span>{' '}
            <span className="muted">target {target}%</span>
          </p>
          <p>
            {adoption.adopted} of {adoption.eligible} occurrences in the last 90 days ran as designed:{' '}
            {adoption.attendanceOk} with enough attendance, {adoption.artifactOnTime} with the artifact on
            time.
          </p>
        </>
      )}
    </section>
  );
}
