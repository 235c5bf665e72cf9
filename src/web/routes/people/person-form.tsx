import { useState } from 'react';
import { editablePersonFields, grantableRoles } from '../../../domain/org/person-access.ts';
import {
  type TMe,
  type TPerson,
  type TPersonPatch,
  ZPersonInput,
  ZPersonPatch,
} from '../../../shared/org.ts';
import { FUNCTIONS, ROLES, type TFunction, type TRole } from '../../../shared/roles.ts';
import { api } from '../../api-client.ts';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { changedFields, useSubmit, validate } from '../../lib/forms.ts';
import { FUNCTION_LABELS, ROLE_LABELS } from '../../lib/labels.ts';
import { useWrite } from '../../lib/use-write.ts';

interface Values {
  name: string;
  email: string;
  function: TFunction;
  roles: TRole[];
  slackId: string;
  active: boolean;
  password: string;
  currentPassword: string;
}

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const functionOptions = FUNCTIONS.map((f) => ({ value: f, label: FUNCTION_LABELS[f] }));

function initialValues(person: TPerson | undefined): Values {
  return {
    name: person?.name ?? '',
    email: person?.email ?? '',
    function: person?.function ?? 'pm',
    roles: person?.roles ?? [],
    slackId: person?.slackId ?? '',
    active: person?.active ?? true,
    password: '',
    currentPassword: '',
  };
}

/** The comparable part of a person, in the API's input shape. */
function asInput(v: Values) {
  return {
    name: v.name,
    email: v.email.trim(),
    function: v.function,
    roles: v.roles,
    slackId: v.slackId.trim() === '' ? null : v.slackId.trim(),
    active: v.active,
  };
}

interface Props {
  me: TMe;
  /** Edit this person; absent: create one. */
  person?: TPerson;
  onSaved: (person: TPerson) => void;
  onCancel?: () => void;
}

/** Create or edit a person. Edits send only changed fields: people may edit a few fields of their own. */
export function PersonForm({ me, person, onSaved, onCancel }: Props) {
  const submit = useSubmit();
  const write = useWrite([['people'], ['areas'], ['pods']]);
  const [values, setValues] = useState<Values>(() => initialValues(person));
  const [note, setNote] = useState('');
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  // The same field rules the server applies: credentials are the admin's; everyone edits their own name,
  // Slack id and password (with the current one).
  const actor = { personId: me.id, roles: me.roles };
  const editable = editablePersonFields(actor, person ?? null);
  const locked = (field: Parameters<typeof editable.has>[0]) => !editable.has(field);
  const grantable = grantableRoles(actor);
  const ownPassword = person?.id === me.id;

  const onSubmit = async () => {
    setNote('');
    const password =
      values.password === ''
        ? {}
        : ownPassword
          ? { password: values.password, currentPassword: values.currentPassword }
          : { password: values.password };
    if (!person) {
      const input = asInput(values);
      const body = validate(ZPersonInput, {
        ...input,
        ...(input.slackId === null ? { slackId: undefined } : {}),
        ...password,
      });
      const created = await write(() => api.people.create(body));
      setValues(initialValues(undefined));
      onSaved(created);
      return;
    }
    const patch: TPersonPatch = {
      ...changedFields(asInput(initialValues(person)), asInput(values)),
      ...password,
    };
    if (Object.keys(patch).length === 0) {
      setNote('Nothing changed.');
      return;
    }
    const updated = await write(() => api.people.update(person.id, validate(ZPersonPatch, patch)));
    setValues(initialValues(updated));
    setNote('Saved.');
    onSaved(updated);
  };

  const prefix = person ? 'person-edit' : 'person-new';
  return (
    <Form
      id={prefix}
      submit={submit}
      onSubmit={onSubmit}
      label={person ? `Edit ${person.name}` : 'Add person'}
    >
      <div className="form-grid">
        <TextField
          path="name"
          label="Name"
          value={values.name}
          onChange={set('name')}
          autoComplete="off"
          required
        />
        <TextField
          path="email"
          label="Email"
          type="email"
          value={values.email}
          onChange={set('email')}
          autoComplete="off"
          disabled={locked('email')}
          required
        />
        <SelectField
          path="function"
          label="Function"
          value={values.function}
          onChange={(v) => set('function')(v as TFunction)}
          options={functionOptions}
          disabled={locked('function')}
        />
        <TextField
          path="slackId"
          label="Slack user id"
          value={values.slackId}
          onChange={set('slackId')}
          placeholder="U024BE7LH"
          hint="Optional. In Slack: profile → ⋮ → Copy member ID."
        />
      </div>
      <CheckboxGroup
        path="roles"
        legend="Roles"
        options={roleOptions}
        values={values.roles}
        onChange={set('roles')}
        disabled={locked('roles')}
        lockedValues={ROLES.filter((r) => !grantable.includes(r))}
        hint={
          locked('roles')
            ? 'Only an admin changes roles.'
            : 'What this person may do in prodops. At least one; you can give only roles you hold.'
        }
      />
      {person ? (
        <CheckboxField
          path="active"
          label="Active (inactive people keep their history but get no reminders)"
          checked={values.active}
          onChange={set('active')}
          disabled={locked('active')}
        />
      ) : null}
      {ownPassword ? (
        <TextField
          path="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set('currentPassword')}
          hint="Needed only to set a new password."
        />
      ) : null}
      {locked('password') ? null : (
        <TextField
          path="password"
          label={person ? 'New password' : 'Password'}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          hint={
            person
              ? 'Optional: leave empty to keep the current password. At least 10 characters.'
              : 'Optional: without one, the person cannot sign in to the web app. At least 10 characters.'
          }
        />
      )}
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
