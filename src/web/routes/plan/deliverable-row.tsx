import { useState } from 'react';
import { Link } from 'react-router';
import type { TDeliverable, TPlan } from '../../../shared/plan.ts';
import { planApi } from '../../api-plan.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { formatDateTimeIn, formatLocalDate } from '../../lib/org-time.ts';

const BADGE = { done: 'badge ok', not_yet: 'badge muted', missed: 'badge warn' } as const;

/** Product Ops' tick (or untick) of a manual deliverable: the note is required and kept. */
function TickForm({ d, onDone }: { d: TDeliverable; onDone: (plan: TPlan) => void }) {
  const submit = useSubmit();
  const [note, setNote] = useState('');
  const done = d.state !== 'done';
  return (
    <Form
      id={`tick-${d.id}`}
      submit={submit}
      label={`${done ? 'Tick' : 'Untick'} “${d.title}”`}
      className="form inline-form"
      onSubmit={async () => {
        onDone(await planApi.tick(d.id, { done, note }));
        setNote('');
      }}
    >
      <TextField
        path="note"
        label={done ? 'Why it is done' : 'Why it is not done'}
        value={note}
        onChange={setNote}
        required
      />
      <FormActions submit={submit} label={done ? 'Tick as done' : 'Untick'} />
    </Form>
  );
}

/** One deliverable: its state, its figure, who ticked it, and the records behind a checked one. */
export function DeliverableRow({
  d,
  timeZone,
  canTick,
  onChange,
}: {
  d: TDeliverable;
  timeZone: string;
  canTick: boolean;
  onChange: (plan: TPlan) => void;
}) {
  return (
    <li className="plan-deliverable">
      <p>
        <span className={BADGE[d.state]}>{d.stateLabel}</span> <strong>{d.title}</strong>: {d.figure}
      </p>
      {d.check ? (
        <details>
          <summary>
            Checked by the records: {d.checkLabel} ({d.records.length}{' '}
            {d.records.length === 1 ? 'record' : 'records'})
          </summary>
          {d.records.length ? (
            <ul>
              {d.records.map((r) => (
                <li key={`${r.label}-${r.date}`}>
                  {formatLocalDate(r.date, true)} — {r.href ? <Link to={r.href}>{r.label}</Link> : r.label}:{' '}
                  {r.detail}
                  {r.counted ? '' : ' (not counted)'}
                </li>
              ))}
            </ul>
          ) : (
            <p>No record yet.</p>
          )}
        </details>
      ) : (
        <>
          <p className="field-hint">
            {d.tick
              ? `${d.tick.done ? 'Ticked' : 'Unticked'} by ${d.tick.byName ?? 'someone no longer here'}, ${formatDateTimeIn(d.tick.at, timeZone)} (${timeZone})`
              : 'Ticked by Product Ops when done'}
          </p>
          {canTick ? <TickForm d={d} onDone={onChange} /> : null}
        </>
      )}
    </li>
  );
}
