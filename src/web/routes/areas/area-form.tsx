import { useState } from 'react';
import type { TArea, TMe, TPerson } from '../../../shared/org.ts';
import { ZAreaInput, ZAreaPatch } from '../../../shared/org.ts';
import type { TRole } from '../../../shared/roles.ts';
import { api } from '../../api-client.ts';
import { NumberField, SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { NameSlugFields } from '../../components/name-slug-fields.tsx';
import { changedFields, useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';

interface Values {
  name: string;
  slug: string;
  description: string;
  ownerPmId: string;
  engLeadId: string;
  activeUsers: number;
}

const initialValues = (a: TArea | undefined): Values => ({
  name: a?.name ?? '',
  slug: a?.slug ?? '',
  description: a?.description ?? '',
  ownerPmId: a?.ownerPmId ?? '',
  engLeadId: a?.engLeadId ?? '',
  activeUsers: a?.activeUsers ?? 0,
});

const asInput = (v: Values) => ({
  name: v.name,
  slug: v.slug.trim(),
  description: v.description,
  ownerPmId: v.ownerPmId || null,
  engLeadId: v.engLeadId || null,
  activeUsers: v.activeUsers,
});

/** People who may hold a post, plus whoever holds it now (so the current value always shows). */
function optionsFor(people: readonly TPerson[], roles: readonly TRole[], current: string) {
  return people
    .filter((p) => p.id === current || (p.active && p.roles.some((r) => roles.includes(r))))
    .map((p) => ({ value: p.id, label: p.name }));
}

interface Props {
  me: TMe;
  people: readonly TPerson[];
  area?: TArea;
  onSaved: (area: TArea) => void;
  onCancel?: () => void;
}

/** Create or edit a product area. The owning PM may edit their area but not hand it to someone else. */
export function AreaForm({ me, people, area, onSaved, onCancel }: Props) {
  const submit = useSubmit();
  const write = useWrite([['areas'], ['pods'], ['home']]);
  const [values, setValues] = useState(() => initialValues(area));
  const [note, setNote] = useState('');
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const canChangeOwner = me.can.createArea;

  const onSubmit = async () => {
    setNote('');
    if (!area) {
      const created = await write(() => api.areas.create(validate(ZAreaInput, asInput(values))));
      onSaved(created);
      return;
    }
    const patch = changedFields(asInput(initialValues(area)), asInput(values));
    if (Object.keys(patch).length === 0) {
      setNote('Nothing changed.');
      return;
    }
    const updated = await write(() => api.areas.update(area.id, validate(ZAreaPatch, patch)));
    setValues(initialValues(updated));
    setNote('Saved.');
    onSaved(updated);
  };

  return (
    <Form
      id={area ? 'area-edit' : 'area-new'}
      submit={submit}
      onSubmit={onSubmit}
      label={area ? `Edit ${area.name}` : 'Add area'}
    >
      <div className="form-grid">
        <NameSlugFields
          name={values.name}
          slug={values.slug}
          existing={Boolean(area)}
          slugHint="Short id used in links and files, like billing-core."
          onChange={(next) => setValues((v) => ({ ...v, ...next }))}
        />
        <SelectField
          path="ownerPmId"
          label="Owner PM"
          value={values.ownerPmId}
          onChange={set('ownerPmId')}
          options={optionsFor(people, ['pm', 'head_of_product'], values.ownerPmId)}
          emptyLabel="No owner yet"
          disabled={!canChangeOwner}
          hint={canChangeOwner ? undefined : 'Only Product Ops or an admin can change the owner.'}
        />
        <SelectField
          path="engLeadId"
          label="Eng lead"
          value={values.engLeadId}
          onChange={set('engLeadId')}
          options={optionsFor(people, ['eng_lead', 'engineer'], values.engLeadId)}
          emptyLabel="No eng lead yet"
        />
        <NumberField
          path="activeUsers"
          label="Active users"
          value={values.activeUsers}
          onChange={set('activeUsers')}
          min={0}
          hint="Normalises operational burden: tickets per 1,000 active users."
        />
      </div>
      <TextField
        path="description"
        label="Description"
        multiline
        value={values.description}
        onChange={set('description')}
      />
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
