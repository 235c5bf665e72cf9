import { useState } from 'react';
import {
  EVIDENCE_KINDS,
  type TFriction,
  type TFrictionInput,
  ZFrictionInput,
} from '../../../shared/charter.ts';
import { METRIC_KEYS } from '../../../shared/metrics.ts';
import { charterApi, linesOf } from '../../api-charter.ts';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { FRICTION_CHANGES } from '../../lib/query-keys.ts';
import { useWrite } from '../../lib/use-write.ts';

interface Draft {
  title: string;
  description: string;
  evidence: string;
  /** "metric: surprise", one link a line. */
  links: string;
  ritualIds: string[];
  artifacts: string;
}

const fromFriction = (f: TFriction | null): Draft => ({
  title: f?.title ?? '',
  description: f?.description ?? '',
  evidence: f?.evidence ?? '',
  links: f?.evidenceLinks.map((l) => `${l.kind}: ${l.ref}`).join('\n') ?? '',
  ritualIds: f?.rituals.map((r) => r.id) ?? [],
  artifacts: f?.artifacts.join('\n') ?? '',
});

/** "metric: surprise" → { kind, ref }; the server names a line that is not a link. */
const linkOf = (line: string) => {
  const at = line.indexOf(':');
  return { kind: line.slice(0, at).trim(), ref: line.slice(at + 1).trim() };
};

/** Adds a friction (POST) or edits one (PATCH): evidence, links, the rituals and artifacts addressing it. */
export function FrictionForm({
  friction,
  rituals,
  onSaved,
  onCancel,
}: {
  friction: TFriction | null;
  rituals: { id: string; name: string }[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const write = useWrite(FRICTION_CHANGES);
  const [draft, setDraft] = useState<Draft>(fromFriction(friction));
  const set = (key: keyof Draft) => (value: Draft[typeof key]) => setDraft((d) => ({ ...d, [key]: value }));
  const id = friction ? `friction-${friction.id}` : 'new-friction';
  return (
    <Form
      id={id}
      label={friction ? `Edit ${friction.title}` : 'Add a friction'}
      submit={submit}
      onSubmit={async () => {
        const body: TFrictionInput = validate(ZFrictionInput, {
          title: draft.title,
          description: draft.description,
          evidence: draft.evidence,
          evidenceLinks: linesOf(draft.links).map(linkOf),
          ritualIds: draft.ritualIds,
          artifacts: linesOf(draft.artifacts),
        });
        await write(() =>
          friction ? charterApi.updateFriction(friction.id, body) : charterApi.addFriction(body),
        );
        onSaved();
      }}
    >
      <TextField path="title" label="Friction" required value={draft.title} onChange={set('title')} />
      <TextField
        path="description"
        label="What happens"
        multiline
        value={draft.description}
        onChange={set('description')}
      />
      <TextField
        path="evidence"
        label="Evidence"
        multiline
        value={draft.evidence}
        onChange={set('evidence')}
      />
      <TextField
        path="evidenceLinks"
        label="Evidence links"
        hint={`One a line, as kind: reference. Kinds: ${EVIDENCE_KINDS.join(', ')}. Metrics: ${METRIC_KEYS.join(', ')}; a theme by its key; a release by its id.`}
        multiline
        value={draft.links}
        onChange={set('links')}
      />
      <CheckboxGroup
        path="ritualIds"
        legend="Rituals that address it"
        options={rituals.map((r) => ({ value: r.id, label: r.name }))}
        values={draft.ritualIds}
        onChange={set('ritualIds')}
      />
      <TextField
        path="artifacts"
        label="Artifacts that address it"
        hint="One a line."
        multiline
        value={draft.artifacts}
        onChange={set('artifacts')}
      />
      <FormActions submit={submit} label={friction ? 'Save friction' : 'Add friction'}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
