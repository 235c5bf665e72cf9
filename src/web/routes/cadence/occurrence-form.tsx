import { useState } from 'react';
import { z } from 'zod';
import type { TOccurrenceDetail, TOccurrencePatch } from '../../../shared/cadence.ts';
import { cadenceApi } from '../../api-cadence.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { now } from '../../lib/clock.ts';
import { InvalidInput, useSubmit, validate } from '../../lib/forms.ts';
import { fromLocalInput, toLocalInput } from '../../lib/org-time.ts';
import { AttendanceFields, type Marks } from './attendance-fields.tsx';

/** The same rules as PATCH /occurrences/:id (the schema lives in the route, not in src/shared). */
const ZOccurrencePatch = z.strictObject({
  status: z.enum(['scheduled', 'held', 'cancelled']).optional(),
  attendance: z
    .array(z.strictObject({ personId: z.uuid(), present: z.boolean() }))
    .max(500)
    .optional(),
  artifactProducedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  artifactRef: z.string().max(500).nullable().optional(),
  notes: z.string().max(5000).optional(),
});

interface Values {
  status: TOccurrenceDetail['status'];
  marks: Marks;
  producedAt: string;
  artifactRef: string;
  notes: string;
}

const valuesOf = (o: TOccurrenceDetail, timeZone: string): Values => ({
  status: o.status,
  marks: Object.fromEntries(o.attendance.map((a) => [a.personId, a.present])),
  producedAt: toLocalInput(o.artifactProducedAt, timeZone),
  artifactRef: o.artifactRef ?? '',
  notes: o.notes,
});

const STATUS_OPTIONS = [
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'held', label: 'Held' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** Only what changed: attendance people answered, the artifact time as an instant, notes, status. */
function patchOf(before: Values, after: Values, timeZone: string): TOccurrencePatch {
  const patch: TOccurrencePatch = {};
  if (after.status !== before.status && after.status !== 'skipped') patch.status = after.status;
  const attendance = Object.entries(after.marks).flatMap(([personId, present]) =>
    present !== null && present !== before.marks[personId] ? [{ personId, present }] : [],
  );
  if (attendance.length) patch.attendance = attendance;
  if (after.producedAt !== before.producedAt) {
    if (after.producedAt.trim() === '') patch.artifactProducedAt = null;
    else {
      const instant = fromLocalInput(after.producedAt, timeZone);
      if (!instant)
        throw new InvalidInput([{ path: 'artifactProducedAt', message: 'must be a date and a time' }]);
      patch.artifactProducedAt = instant;
    }
  }
  if (after.artifactRef !== before.artifactRef) patch.artifactRef = after.artifactRef.trim() || null;
  if (after.notes !== before.notes) patch.notes = after.notes;
  return patch;
}

/** Record what happened: attendance, when the artifact was produced and where it is, notes, status. */
export function OccurrenceForm({
  occurrence,
  timeZone,
  onSaved,
}: {
  occurrence: TOccurrenceDetail;
  timeZone: string;
  onSaved: (o: TOccurrenceDetail) => void;
}) {
  const submit = useSubmit();
  const [values, setValues] = useState(() => valuesOf(occurrence, timeZone));
  const [note, setNote] = useState('');
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async () => {
    setNote('');
    const patch = validate(ZOccurrencePatch, patchOf(valuesOf(occurrence, timeZone), values, timeZone));
    if (Object.keys(patch).length === 0) {
      setNote('Nothing changed.');
      return;
    }
    const updated = await cadenceApi.recordOccurrence(occurrence.id, patch);
    setValues(valuesOf(updated, timeZone));
    setNote('Saved.');
    onSaved(updated);
  };

  return (
    <Form id="occurrence" submit={submit} onSubmit={onSubmit} label="Record this occurrence">
      <div className="form-grid">
        <SelectField
          path="status"
          label="Status"
          value={values.status}
          options={
            occurrence.status === 'skipped'
              ? [{ value: 'skipped', label: 'Skipped (holiday)' }, ...STATUS_OPTIONS]
              : STATUS_OPTIONS
          }
          onChange={(s) => set('status')(s as Values['status'])}
          hint="Held once it took place; cancelled stops its reminders."
        />
        <div className="field-with-button">
          <TextField
            path="artifactProducedAt"
            label="Artifact produced at"
            type="datetime-local"
            value={values.producedAt}
            onChange={set('producedAt')}
            hint={`In ${timeZone}. Empty if it has not been produced.`}
          />
          <button
            type="button"
            className="button small"
            onClick={() => set('producedAt')(toLocalInput(new Date(now()).toISOString(), timeZone))}
          >
            Now
          </button>
        </div>
        <TextField
          path="artifactRef"
          label="Artifact link"
          value={values.artifactRef}
          onChange={set('artifactRef')}
          placeholder="https://…"
          hint="Where the artifact lives: a URL or a reference."
        />
      </div>
      <AttendanceFields people={occurrence.attendance} marks={values.marks} onChange={set('marks')} />
      <TextField path="notes" label="Notes" multiline value={values.notes} onChange={set('notes')} />
      <FormActions submit={submit} note={note} />
    </Form>
  );
}
