import { useState } from 'react';
import {
  ARTIFACT_KIND_VALUES,
  type TArtifactKind,
  type TChannel,
  type TSubscription,
  ZSubscriptionInput,
} from '../../../shared/delivery.ts';
import type { TArea } from '../../../shared/org.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { CheckboxGroup, SelectField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { ARTIFACT_KIND_LABELS } from '../../lib/cadence-labels.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';
import { ToleranceField, toleranceFromText } from './tolerance-field.tsx';

const kindOptions = ARTIFACT_KIND_VALUES.map((k) => ({ value: k, label: ARTIFACT_KIND_LABELS[k] }));
const tierOptions = [
  { value: 1, label: 'Tier 1' },
  { value: 2, label: 'Tier 2' },
  { value: 3, label: 'Tier 3' },
] as const;

interface Values {
  kind: TArtifactKind;
  areaId: string;
  tiers: (1 | 2 | 3)[];
  enabled: 'yes' | 'no';
  channelId: string;
  /** Roadmap only; empty = the org's default. */
  tolerance: string;
}

const initial: Values = {
  kind: 'release',
  areaId: '',
  tiers: [2, 3],
  enabled: 'yes',
  channelId: '',
  tolerance: '',
};

/** Subscribe (or opt out of a default) by artifact kind, area and release tier; Product Ops can pick a channel. */
export function SubscriptionForm({
  areas,
  channels,
  onAdded,
  orgTolerance,
}: {
  areas: readonly TArea[];
  /** settings.roadmap.moveToleranceDays: what an empty tolerance means. */
  orgTolerance: number;
  /** Channels this user may subscribe (Product Ops); empty for everyone else. */
  channels: readonly TChannel[];
  onAdded: (s: TSubscription) => void;
}) {
  const submit = useSubmit();
  const write = useWrite([['preferences']]);
  const [values, setValues] = useState(initial);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async () => {
    const input = validate(ZSubscriptionInput, {
      kind: values.kind,
      ...(values.channelId ? { channelId: values.channelId } : {}),
      areaId: values.areaId || null,
      tiers: values.kind === 'release' ? values.tiers : null,
      enabled: values.enabled === 'yes',
      ...(values.kind === 'roadmap' && values.enabled === 'yes'
        ? { toleranceDays: toleranceFromText(values.tolerance) }
        : {}),
    });
    onAdded(await write(() => deliveryApi.subscribe(input)));
    setValues((v) => ({ ...initial, channelId: v.channelId }));
  };

  return (
    <Form id="subscription-new" submit={submit} onSubmit={onSubmit} label="Add a subscription">
      <div className="form-grid">
        {channels.length ? (
          <SelectField
            path="channelId"
            label="For"
            value={values.channelId}
            emptyLabel="Me"
            options={channels.map((c) => ({ value: c.id, label: c.name }))}
            onChange={set('channelId')}
          />
        ) : null}
        <SelectField
          path="kind"
          label="Artifact"
          value={values.kind}
          options={kindOptions}
          onChange={(k) => set('kind')(k as TArtifactKind)}
        />
        <SelectField
          path="areaId"
          label="Area"
          value={values.areaId}
          emptyLabel="Every area"
          options={areas.map((a) => ({ value: a.id, label: a.name }))}
          onChange={set('areaId')}
        />
        <SelectField
          path="enabled"
          label="Action"
          value={values.enabled}
          options={[
            { value: 'yes', label: 'Subscribe' },
            { value: 'no', label: 'Opt out (stop a default)' },
          ]}
          onChange={(e) => set('enabled')(e as Values['enabled'])}
        />
      </div>
      {values.kind === 'release' ? (
        <CheckboxGroup<1 | 2 | 3>
          path="tiers"
          legend="Release tiers"
          options={tierOptions}
          values={values.tiers}
          onChange={set('tiers')}
          hint="Tier 1: mention in the weekly update. Tier 2: lite enablement. Tier 3: full launch."
        />
      ) : null}
      {values.kind === 'roadmap' && values.enabled === 'yes' ? (
        <ToleranceField value={values.tolerance} orgDefault={orgTolerance} onChange={set('tolerance')} />
      ) : null}
      <FormActions submit={submit} label="Add subscription" pendingText="Adding…" />
    </Form>
  );
}
