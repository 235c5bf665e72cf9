import { Link, useParams } from 'react-router';
import type { TOccurrenceDetail } from '../../../shared/cadence.ts';
import { cadenceApi } from '../../api-cadence.ts';
import { api } from '../../api-client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { ROLE_LABELS } from '../../lib/labels.ts';
import { formatDateTimeIn, formatLocalDate, formatTime } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { OccurrenceBadges } from './occurrence-badges.tsx';
import { OccurrenceForm } from './occurrence-form.tsx';
import './cadence.css';

interface Loaded {
  occurrence: TOccurrenceDetail;
  timeZone: string;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function OccurrenceDetails({ occurrence: o, timeZone }: Loaded) {
  return (
    <dl className="details">
      <dt>When</dt>
      <dd>
        <time dateTime={o.startsAt}>
          {formatLocalDate(o.localDate, true)}, {formatTime(o.startsAt, timeZone)}–
          {formatTime(o.endsAt, timeZone)}
        </time>{' '}
        <span className="muted">({timeZone})</span> <OccurrenceBadges o={o} />
      </dd>
      <dt>Owner</dt>
      <dd>{ROLE_LABELS[o.ownerRole] ?? o.ownerRole}</dd>
      <dt>Output artifact</dt>
      <dd>{o.outputArtifact}</dd>
      <dt>Artifact due</dt>
      <dd>{formatDateTimeIn(o.artifactDueAt, timeZone)}</dd>
      <dt>Artifact produced</dt>
      <dd>{o.artifactProducedAt ? formatDateTimeIn(o.artifactProducedAt, timeZone) : 'not yet'}</dd>
      {o.artifactRef ? (
        <>
          <dt>Artifact link</dt>
          <dd>
            {isUrl(o.artifactRef) ? (
              <a href={o.artifactRef} rel="noreferrer noopener" target="_blank">
                {o.artifactRef}
              </a>
            ) : (
              o.artifactRef
            )}
          </dd>
        </>
      ) : null}
      {o.notes ? (
        <>
          <dt>Notes</dt>
          <dd className="prose">{o.notes}</dd>
        </>
      ) : null}
    </dl>
  );
}

function AttendanceList({ occurrence }: { occurrence: TOccurrenceDetail }) {
  if (occurrence.attendance.length === 0) return <p className="muted">Nobody is expected (async ritual).</p>;
  return (
    <ul className="attendance-read">
      {occurrence.attendance.map((a) => (
        <li key={a.personId}>
          <Link to={`/people/${a.personId}`}>{a.name}</Link>:{' '}
          {a.present === null ? (
            <span className="muted">not recorded</span>
          ) : a.present ? (
            'present'
          ) : (
            'absent'
          )}
        </li>
      ))}
    </ul>
  );
}

/** One occurrence of a ritual: what it is, and for its owner the attendance and artifact record. */
export function OccurrencePage() {
  const { id = '' } = useParams();
  const data = useLoad<Loaded>(['cadence', 'occurrences', id], async (signal) => {
    const [occurrence, { settings }] = await Promise.all([
      cadenceApi.occurrence(id, signal),
      api.settings.get(signal),
    ]);
    return { occurrence, timeZone: settings.timeZone };
  });

  if (!data.data) {
    return (
      <Page title="Occurrence">
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="occurrence" />}
        <p>
          <Link to="/cadence">Back to the cadence</Link>
        </p>
      </Page>
    );
  }
  const { occurrence, timeZone } = data.data;
  return (
    <Page
      title={`${occurrence.ritualName}, ${formatLocalDate(occurrence.localDate, true)}`}
      intro={
        <p>
          <Link to="/cadence">← Cadence</Link> ·{' '}
          <Link to={`/cadence/rituals/${occurrence.ritualId}`}>About {occurrence.ritualName}</Link>
          {occurrence.ritualSlug === 'roadmap-review' ? (
            <>
              {' · '}
              <Link to={`/roadmap/reviews/${occurrence.id}`}>Open the review (agenda from what changed)</Link>
            </>
          ) : null}
        </p>
      }
    >
      <OccurrenceDetails occurrence={occurrence} timeZone={timeZone} />
      {occurrence.permissions.update ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">Record</h2>
          <OccurrenceForm
            key={occurrence.id}
            occurrence={occurrence}
            timeZone={timeZone}
            onSaved={(updated) => data.setData({ occurrence: updated, timeZone })}
          />
        </section>
      ) : (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">Attendance</h2>
          <AttendanceList occurrence={occurrence} />
        </section>
      )}
    </Page>
  );
}
