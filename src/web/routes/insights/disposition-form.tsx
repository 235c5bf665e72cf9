import { useState } from 'react';
import { type TDisposition, type TRouting, ZDispositionInput } from '../../../shared/insights.ts';
import { insightsApi } from '../../api-insights.ts';
import { TextField, ToggleRadios } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { DISPOSITION_LABELS, DISPOSITION_OPTIONS } from './labels.ts';

/** The PM's call on a routed theme (pack §5 decision path); won't do needs the why. */
export function DispositionForm({ routing, onSaved }: { routing: TRouting; onSaved: (r: TRouting) => void }) {
  const submit = useSubmit();
  const [disposition, setDisposition] = useState<TDisposition | ''>(routing.disposition ?? '');
  const [rationale, setRationale] = useState(routing.rationale ?? '');
  const [note, setNote] = useState('');
  return (
    <Form
      id="disposition"
      label="Record the decision"
      submit={submit}
      onSubmit={async () => {
        setNote('');
        // An empty box is "no rationale", so the schema's own message ("is required for won't do") shows.
        const body = validate(ZDispositionInput, {
          disposition,
          ...(rationale.trim() ? { rationale } : {}),
        });
        const saved = await insightsApi.dispose(routing.id, body);
        setNote(`Recorded: ${DISPOSITION_LABELS[body.disposition].toLowerCase()}.`);
        onSaved(saved);
      }}
    >
      <ToggleRadios
        path="disposition"
        legend="Decision"
        name="disposition"
        options={DISPOSITION_OPTIONS}
        value={disposition}
        onChange={setDisposition}
      />
      <TextField
        path="rationale"
        label="Rationale"
        multiline
        required={disposition === 'wont_do'}
        hint="Why this decision. Required for won't do; it goes into the Monthly Insights Digest."
        value={rationale}
        onChange={setRationale}
      />
      <FormActions submit={submit} label="Record decision" pendingText="Recording…" note={note} />
    </Form>
  );
}
