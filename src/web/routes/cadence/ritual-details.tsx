import { Link } from 'react-router';
import { describeSchedule } from '../../../domain/cadence/schedule-text.ts';
import type { TRitual } from '../../../shared/cadence.ts';
import type { TPerson } from '../../../shared/org.ts';
import { HOLIDAY_POLICY_LABELS, minutesText } from '../../lib/cadence-labels.ts';
import { FUNCTION_LABELS, ROLE_LABELS } from '../../lib/labels.ts';

function Attendees({ ritual, people }: { ritual: TRitual; people: readonly TPerson[] }) {
  const { roles, functions, personIds } = ritual.attendees;
  const parts = [
    ...roles.map((r) => ROLE_LABELS[r]),
    ...functions.map((f) => FUNCTION_LABELS[f]),
    ...personIds.map((id) => people.find((p) => p.id === id)?.name ?? 'a named person'),
  ];
  return <>{parts.length ? parts.join(', ') : 'nobody (async)'}</>;
}

/** Everything a ritual is: schedule in words, owner, attendees, time box, agenda, inputs and its artifact. */
export function RitualDetails({
  ritual,
  timeZone,
  people,
}: {
  ritual: TRitual;
  timeZone: string;
  people: readonly TPerson[];
}) {
  const agendaTotal = ritual.agenda.reduce((sum, a) => sum + a.minutes, 0);
  return (
    <>
      {ritual.purpose ? <p className="lead">{ritual.purpose}</p> : null}
      <div className="artifact-callout">
        <span className="artifact-callout-label">Output artifact</span>
        <span className="artifact-callout-value">{ritual.outputArtifact}</span>
        <span className="muted">
          {ritual.artifactDueHours === 0
            ? 'due when it starts'
            : `due ${ritual.artifactDueHours} h after it starts`}
        </span>
      </div>
      <dl className="details">
        <dt>When</dt>
        <dd>
          {describeSchedule(ritual.schedule, timeZone)}
          {ritual.active ? null : <span className="badge muted">inactive</span>}
        </dd>
        {ritual.schedule.kind === 'per_release' || ritual.schedule.kind === 'one_off' ? null : (
          <>
            <dt>On a holiday</dt>
            <dd>{HOLIDAY_POLICY_LABELS[ritual.holidayPolicy]}</dd>
          </>
        )}
        <dt>Duration</dt>
        <dd>{ritual.durationMinutes ? minutesText(ritual.durationMinutes) : 'no meeting (async)'}</dd>
        {ritual.timeBox ? (
          <>
            <dt>Time box</dt>
            <dd>{ritual.timeBox}</dd>
          </>
        ) : null}
        <dt>Owner</dt>
        <dd>
          {ROLE_LABELS[ritual.ownerRole]}
          {ritual.ownerPersonId ? (
            <>
              {' · '}
              <Link to={`/people/${ritual.ownerPersonId}`}>{ritual.ownerName ?? 'owner'}</Link>
            </>
          ) : null}
        </dd>
        <dt>Attendees</dt>
        <dd>
          <Attendees ritual={ritual} people={people} />
        </dd>
        <dt>Reminder</dt>
        <dd>
          {ritual.reminderMinutes === null
            ? 'none'
            : `${minutesText(ritual.reminderMinutes)} before it starts`}
        </dd>
      </dl>
      <div className="panels">
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">Agenda</h2>
          {ritual.agenda.length === 0 ? (
            <p className="empty">No agenda.</p>
          ) : (
            <>
              <ol className="agenda">
                {ritual.agenda.map((a) => (
                  <li key={`${a.minutes}-${a.item}`}>
                    <span className="agenda-minutes">{a.minutes ? minutesText(a.minutes) : '—'}</span>
                    <span>{a.item}</span>
                  </li>
                ))}
              </ol>
              {agendaTotal ? <p className="muted">Total {minutesText(agendaTotal)}.</p> : null}
            </>
          )}
        </section>
        <section aria-labelledby="inputs-heading">
          <h2 id="inputs-heading">Inputs</h2>
          {ritual.inputs.length === 0 ? (
            <p className="empty">No inputs listed.</p>
          ) : (
            <ul>
              {ritual.inputs.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
