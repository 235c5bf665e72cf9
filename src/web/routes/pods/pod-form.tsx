import { useState } from 'react';
import type { TArea, TPerson, TPod } from '../../../shared/org.ts';
import { ZPodInput, ZPodPatch } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { NameSlugFields } from '../../components/name-slug-fields.tsx';
import { changedFields, useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';
import { type MemberRow, MembersEditor, RotationEditor, type RotationRow, rowKey } from './pod-rows.tsx';

interface Values {
  name: string;
  slug: string;
  areaId: string;
  slackChannel: string;
  mission: string;
  members: MemberRow[];
  rotation: RotationRow[];
}

const initialValues = (pod: TPod | undefined): Values => ({
  name: pod?.name ?? '',
  slug: pod?.slug ?? '',
  areaId: pod?.areaId ?? '',
  slackChannel: pod?.slackChannel ?? '',
  mission: pod?.mission ?? '',
  members: (pod?.members ?? []).map((m) => ({ key: rowKey(), personId: m.personId, role: m.role })),
  rotation: [...(pod?.rotation ?? [])]
    .sort((a, b) => a.week.localeCompare(b.week))
    .map((r) => ({ key: rowKey(), week: r.week, personId: r.personId })),
});

/** The API's input shape; rows keep their order so errors like members.2.personId land on row 3. */
const asInput = (v: Values) => ({
  name: v.name,
  slug: v.slug.trim(),
  areaId: v.areaId || null,
  slackChannel: v.slackChannel.trim() || null,
  mission: v.mission,
  members: v.members.map((m) => ({ personId: m.personId, role: m.role })),
  rotation: v.rotation.map((r) => ({ week: r.week.trim().toUpperCase(), personId: r.personId })),
});

interface Props {
  areas: readonly TArea[];
  people: readonly TPerson[];
  pod?: TPod;
  onSaved: (pod: TPod) => void;
  onCancel?: () => void;
}

/** Create or edit a pod with its members and rotation; 3-1-1 deviations come back as warnings, not errors. */
export function PodForm({ areas, people, pod, onSaved, onCancel }: Props) {
  const submit = useSubmit();
  const write = useWrite([['pods'], ['areas'], ['velocity']]);
  const [values, setValues] = useState(() => initialValues(pod));
  const [note, setNote] = useState('');
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async () => {
    setNote('');
    if (!pod) {
      const created = await write(() => api.pods.create(validate(ZPodInput, asInput(values))));
      onSaved(created);
      return;
    }
    const patch = changedFields(asInput(initialValues(pod)), asInput(values));
    if (Object.keys(patch).length === 0) {
      setNote('Nothing changed.');
      return;
    }
    const updated = await write(() => api.pods.update(pod.id, validate(ZPodPatch, patch)));
    setValues(initialValues(updated));
    setNote(updated.warnings.length ? 'Saved, with warnings (see above).' : 'Saved.');
    onSaved(updated);
  };

  return (
    <Form
      id={pod ? 'pod-edit' : 'pod-new'}
      submit={submit}
      onSubmit={onSubmit}
      label={pod ? `Edit ${pod.name}` : 'Add pod'}
    >
      <div className="form-grid">
        <NameSlugFields
          name={values.name}
          slug={values.slug}
          existing={Boolean(pod)}
          slugHint="Short id, like pod-billing."
          onChange={(next) => setValues((v) => ({ ...v, ...next }))}
        />
        <SelectField
          path="areaId"
          label="Area"
          value={values.areaId}
          onChange={set('areaId')}
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
          emptyLabel="No area"
        />
        <TextField
          path="slackChannel"
          label="Slack channel"
          value={values.slackChannel}
          placeholder="#pod-billing"
          hint="Optional, with the #."
          onChange={set('slackChannel')}
        />
      </div>
      <TextField path="mission" label="Mission" multiline value={values.mission} onChange={set('mission')} />
      <MembersEditor rows={values.members} people={people} onChange={set('members')} />
      <RotationEditor rows={values.rotation} people={people} onChange={set('rotation')} />
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
