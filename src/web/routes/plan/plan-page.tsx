import { useState } from 'react';
import { Link } from 'react-router';
import type { TPlan, TRetroView, TTimebox } from '../../../shared/plan.ts';
import { planApi } from '../../api-plan.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { now } from '../../lib/clock.ts';
import { useSubmit } from '../../lib/forms.ts';
import { formatDateTimeIn, formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { DeliverableRow } from './deliverable-row.tsx';
import { RetroForm } from './retro-form.tsx';
import '../channels/channels.css';
import './plan.css';

function TimeboxEdit({ box, onSaved }: { box: TTimebox; onSaved: (plan: TPlan) => void }) {
  const submit = useSubmit();
  const [goal, setGoal] = useState(box.goal);
  const [scope, setScope] = useState(box.scope);
  const [pilotArea, setPilotArea] = useState(box.pilotArea);
  return (
    <details>
      <summary>Edit the goal, scope and pilot area of {box.label}</summary>
      <Form
        id={`timebox-${box.n}`}
        submit={submit}
        label={`Edit ${box.label}`}
        onSubmit={async () => onSaved(await planApi.timebox(box.n, { goal, scope, pilotArea }))}
      >
        <TextField path="goal" label="Goal" value={goal} onChange={setGoal} required />
        <TextField path="scope" label="Scope" value={scope} onChange={setScope} multiline required />
        <TextField path="pilotArea" label="Pilot area" value={pilotArea} onChange={setPilotArea} />
        <FormActions submit={submit} />
      </Form>
    </details>
  );
}

function Timebox({ box, plan, onChange }: { box: TTimebox; plan: TPlan; onChange: (p: TPlan) => void }) {
  const headingId = `timebox-${box.n}-heading`;
  return (
    <section aria-labelledby={headingId} className="plan-timebox">
      <h2 id={headingId}>
        {box.label}: {box.goal}
      </h2>
      <p>
        {formatLocalDate(box.from, true)} – {formatLocalDate(box.to, true)}
        {box.running ? ' (running)' : ''} · {box.done} of {box.total} done
      </p>
      <dl className="details">
        <dt>Scope</dt>
        <dd>{box.scope}</dd>
        <dt>Pilot area</dt>
        <dd>
          {box.pilotArea}
          {box.pilotAreaName ? ` (${box.pilotAreaName})` : ''}
        </dd>
        <dt>Metrics</dt>
        <dd>{box.metrics.join('; ')}</dd>
        <dt>Risks</dt>
        <dd>{box.risks.join('; ')}</dd>
      </dl>
      {plan.permissions.update ? <TimeboxEdit box={box} onSaved={onChange} /> : null}
      <h3>Deliverables</h3>
      <ul className="plan-deliverables">
        {box.deliverables.map((d) => (
          <DeliverableRow
            key={d.id}
            d={d}
            timeZone={plan.timeZone}
            canTick={plan.permissions.update}
            onChange={onChange}
          />
        ))}
      </ul>
    </section>
  );
}

function Retro({ r, plan }: { r: TRetroView; plan: TPlan }) {
  const people = useLoad(['plan', 'people'], (signal) => planApi.people(signal));
  // The retrospective is recorded once it has happened (the server says so too).
  const happened = r.startsAt !== null && new Date(r.startsAt).getTime() <= now();
  const headingId = `retro-${r.week}`;
  return (
    <section aria-labelledby={`${headingId}-heading`} id={headingId}>
      <h3 id={`${headingId}-heading`}>{r.title}</h3>
      <p>
        {r.startsAt ? `${formatDateTimeIn(r.startsAt, plan.timeZone)} (${plan.timeZone})` : 'Not scheduled'}
        {r.facilitatorName ? ` · facilitated by ${r.facilitatorName}` : ''}
        {r.occurrenceId ? (
          <>
            {' '}
            · <Link to={`/cadence/occurrences/${r.occurrenceId}`}>on the cadence calendar</Link>
          </>
        ) : null}
      </p>
      {r.recorded ? (
        <dl className="details">
          <dt>What is working</dt>
          <dd>{r.recorded.working}</dd>
          <dt>What is overhead</dt>
          <dd>{r.recorded.overhead}</dd>
          <dt>What to adjust</dt>
          <dd>{r.recorded.adjust}</dd>
          <dt>Actions</dt>
          <dd>
            <ul>
              {r.recorded.actions.map((a) => (
                <li key={`${a.title}-${a.ownerId}`}>
                  {a.title} — {a.ownerName}
                  {a.dueOn ? `, by ${formatLocalDate(a.dueOn, true)}` : ''}
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      ) : (
        <p>Not recorded yet.</p>
      )}
      {plan.permissions.recordRetro && r.occurrenceId && (happened || r.recorded) ? (
        <details>
          <summary>{r.recorded ? 'Correct the retrospective' : 'Record the retrospective'}</summary>
          {people.data ? <RetroForm retro={r} people={people.data} /> : <Loading what="people" />}
        </details>
      ) : null}
    </section>
  );
}

/** Issue 16: the 30/60/90 plan (pack §7), each deliverable judged from the records or ticked by Product Ops. */
export function PlanPage() {
  const data = useLoad(['plan', 'current'], (signal) => planApi.get(signal));
  // A write that answers with the plan puts it in the cache (setData); the retrospective invalidates it.
  const plan = data.data;
  const setFresh = data.setData;
  const start = useSubmit();
  return (
    <Page
      title="30/60/90 plan"
      intro={
        <p>
          The implementation plan from the operating-system pack: three timeboxes, each deliverable checked by
          prodops' records where they show it ("weekly update on time 4/4 weeks") and ticked by Product Ops
          with a note otherwise. The week 4, 8 and 12 retrospectives are on the cadence calendar. Back to the{' '}
          <Link to="/metrics">metrics</Link>.
        </p>
      }
    >
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!plan ? (
        data.error ? null : (
          <Loading what="the plan" />
        )
      ) : !plan.started ? (
        <>
          <p>The plan has not been started.</p>
          {plan.permissions.update ? (
            <Form
              id="plan-start"
              submit={start}
              label="Start the plan"
              onSubmit={async () => setFresh(await planApi.start())}
            >
              <FormActions submit={start} label="Start the plan today" pendingText="Starting…" />
            </Form>
          ) : null}
        </>
      ) : (
        <>
          <p>
            Started {formatLocalDate(plan.startOn!, true)}; today is day {plan.day}.
          </p>
          {plan.timeboxes.map((box) => (
            <Timebox key={box.n} box={box} plan={plan} onChange={setFresh} />
          ))}
          <section aria-labelledby="retros-heading">
            <h2 id="retros-heading">Retrospectives</h2>
            {plan.retros.map((r) => (
              <Retro key={r.week} r={r} plan={plan} />
            ))}
          </section>
        </>
      )}
    </Page>
  );
}
