import { useState } from 'react';
import { type TRitual, ZRitualInput, ZRitualPatch } from '../../../shared/cadence.ts';
import type { TPerson } from '../../../shared/org.ts';
import { FUNCTIONS, ROLES, type TFunction, type TRole } from '../../../shared/roles.ts';
import { cadenceApi } from '../../api-cadence.ts';
import {
  CheckboxField,
  CheckboxGroup,
  NumberField,
  SelectField,
  TextField,
} from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { NameSlugFields } from '../../components/name-slug-fields.tsx';
import { changedFields, useSubmit, validate } from '../../lib/forms.ts';
import { FUNCTION_LABELS, ROLE_LABELS } from '../../lib/labels.ts';
import { CADENCE_CHANGES } from '../../lib/query-keys.ts';
import { useWrite } from '../../lib/use-write.ts';
import { AgendaEditor, InputsEditor, PeopleEditor } from './ritual-rows.tsx';
import { initialRitualValues, type RitualValues, ritualInputOf } from './ritual-values.ts';
import { ScheduleFields } from './schedule-fields.tsx';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const functionOptions = FUNCTIONS.map((f) => ({ value: f, label: FUNCTION_LABELS[f] }));

interface Props {
  people: readonly TPerson[];
  timeZone: string;
  ritual?: TRitual;
  onSaved: (ritual: TRitual) => void;
  onCancel?: () => void;
}

/** Create or edit a ritual. "No just-a-meeting entries": the output artifact is required. */
export function RitualForm({ people, timeZone, ritual, onSaved, onCancel }: Props) {
  const submit = useSubmit();
  const write = useWrite(CADENCE_CHANGES);
  const [values, setValues] = useState(() => initialRitualValues(ritual));
  const [note, setNote] = useState('');
  const set =
    <K extends keyof RitualValues>(key: K) =>
    (value: RitualValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async () => {
    setNote('');
    if (!ritual) {
      onSaved(await write(() => cadenceApi.rituals.create(validate(ZRitualInput, ritualInputOf(values)))));
      return;
    }
    const patch = changedFields(ritualInputOf(initialRitualValues(ritual)), ritualInputOf(values));
    if (Object.keys(patch).length === 0) {
      setNote('Nothing changed.');
      return;
    }
    const updated = await write(() => cadenceApi.rituals.update(ritual.id, validate(ZRitualPatch, patch)));
    setValues(initialRitualValues(updated));
    setNote('Saved.');
    onSaved(updated);
  };

  const ownerOptions = people
    .filter((p) => p.id === values.ownerPersonId || (p.active && p.roles.includes(values.ownerRole)))
    .map((p) => ({ value: p.id, label: p.name }));

  return (
    <Form
      id={ritual ? 'ritual-edit' : 'ritual-new'}
      submit={submit}
      onSubmit={onSubmit}
      label={ritual ? `Edit ${ritual.name}` : 'Add ritual'}
    >
      <div className="form-grid">
        <NameSlugFields
          name={values.name}
          slug={values.slug}
          existing={Boolean(ritual)}
          slugHint="Short id used in links and the calendar feed, like roadmap-review."
          onChange={(next) => setValues((v) => ({ ...v, ...next }))}
        />
      </div>
      <TextField
        path="outputArtifact"
        label="Output artifact"
        required
        value={values.outputArtifact}
        onChange={set('outputArtifact')}
        hint="What it produces. Every ritual produces an artifact: no just-a-meeting entries."
      />
      <TextField path="purpose" label="Purpose" multiline value={values.purpose} onChange={set('purpose')} />
      <ScheduleFields
        value={values.schedule}
        onChange={set('schedule')}
        holidayPolicy={values.holidayPolicy}
        onHolidayPolicyChange={set('holidayPolicy')}
        timeZone={timeZone}
      />
      <div className="form-grid">
        <NumberField
          path="durationMinutes"
          label="Duration (minutes)"
          value={values.durationMinutes}
          min={0}
          onChange={set('durationMinutes')}
          hint="0 for an async ritual with no meeting."
        />
        <TextField
          path="timeBox"
          label="Time box in words"
          value={values.timeBox}
          onChange={set('timeBox')}
          hint="As the pack says it, like “45 min, alternating weeks”."
        />
        <NumberField
          path="artifactDueHours"
          label="Artifact due (hours after the start)"
          value={values.artifactDueHours}
          min={0}
          onChange={set('artifactDueHours')}
        />
        <SelectField
          path="ownerRole"
          label="Owner role"
          value={values.ownerRole}
          options={roleOptions}
          onChange={(r) => set('ownerRole')(r as TRole)}
        />
        <SelectField
          path="ownerPersonId"
          label="Owner (person)"
          value={values.ownerPersonId}
          options={ownerOptions}
          emptyLabel="Anyone with the owner role"
          onChange={set('ownerPersonId')}
        />
      </div>
      <fieldset className="field-section">
        <legend>Attendees</legend>
        <CheckboxGroup<TRole>
          path="attendees.roles"
          legend="Roles"
          options={roleOptions}
          values={values.roles}
          onChange={set('roles')}
        />
        <CheckboxGroup<TFunction>
          path="attendees.functions"
          legend="Functions"
          options={functionOptions}
          values={values.functions}
          onChange={set('functions')}
        />
        <PeopleEditor rows={values.people} people={people} onChange={set('people')} />
      </fieldset>
      <AgendaEditor rows={values.agenda} durationMinutes={values.durationMinutes} onChange={set('agenda')} />
      <InputsEditor rows={values.inputs} onChange={set('inputs')} />
      <div className="form-grid">
        <CheckboxField
          path="remind"
          label="Remind attendees before it starts"
          checked={values.remind}
          onChange={set('remind')}
        />
        {values.remind ? (
          <NumberField
            path="reminderMinutes"
            label="Reminder (minutes before)"
            value={values.reminderMinutes}
            min={0}
            onChange={set('reminderMinutes')}
          />
        ) : null}
        <CheckboxField
          path="active"
          label="Active (on the calendar)"
          checked={values.active}
          onChange={set('active')}
        />
      </div>
      <FormActions submit={submit} note={note}>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </FormActions>
    </Form>
  );
}
