import { useState } from 'react';
import { type TRouting, ZRoutingAssignInput } from '../../../shared/insights.ts';
import { insightsApi } from '../../api-insights.ts';
import { SelectField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import type { InsightsBase } from './use-insights-base.ts';

/** Product Ops gives a theme an owner: an area (its PM takes it) or a PM named outright. */
export function AssignForm({
  routing,
  base,
  onSaved,
}: {
  routing: TRouting;
  base: InsightsBase;
  onSaved: (r: TRouting) => void;
}) {
  const submit = useSubmit();
  const [areaId, setAreaId] = useState(routing.areaId ?? '');
  const [ownerId, setOwnerId] = useState('');
  const [note, setNote] = useState('');
  const pms = base.people.filter(
    (p) => p.active && (p.roles.includes('pm') || p.roles.includes('head_of_product')),
  );
  return (
    <Form
      id="assign"
      label={routing.needsOwner ? 'Assign an owner' : 'Reassign'}
      submit={submit}
      onSubmit={async () => {
        setNote('');
        const body = validate(ZRoutingAssignInput, {
          ...(areaId ? { areaId } : {}),
          ...(ownerId ? { ownerId } : {}),
        });
        const saved = await insightsApi.assign(routing.id, body);
        setNote('Assigned: the new owner has been told.');
        onSaved(saved);
      }}
    >
      <SelectField
        path="areaId"
        label="Area"
        emptyLabel="No area"
        options={base.areas.map((a) => ({
          value: a.id,
          label: a.ownerPmName ? `${a.name} (${a.ownerPmName})` : `${a.name} (no PM)`,
        }))}
        value={areaId}
        onChange={setAreaId}
      />
      <SelectField
        path="ownerId"
        label="PM"
        hint="Leave empty to give it to the area's PM."
        emptyLabel="The area's PM"
        options={pms.map((p) => ({ value: p.id, label: p.name }))}
        value={ownerId}
        onChange={setOwnerId}
      />
      <FormActions submit={submit} label="Assign" pendingText="Assigning…" note={note} />
    </Form>
  );
}
