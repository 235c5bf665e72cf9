import { useEffect, useState } from 'react';
import type { TDecisionLogEntry } from '../../../shared/decisions.ts';
import { ZDecisionLogInput } from '../../../shared/decisions.ts';
import { Form, FormActions } from '../../components/form.tsx';
import { type DecisionDraft, draftToInput } from '../../lib/decision-draft.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';
import { DecisionFields } from './decision-fields.tsx';
import type { DecisionOptions } from './decision-options.ts';
import { decisionsApi } from './decisions-api.ts';

/**
 * Records one decision log entry (POST /decisions). On the review page it carries the review's occurrence, so
 * the entry is linked to the review it was taken in; after a save the form starts again from `initial`.
 */
export function DecisionForm({
  id,
  label = 'Record a decision',
  options,
  initial,
  occurrenceId,
  linkItem,
  onSaved,
  onCancel,
}: {
  id: string;
  label?: string;
  options: DecisionOptions;
  initial: DecisionDraft;
  occurrenceId?: string;
  /** A request to link one more roadmap item (each new object is one request), keeping what was typed. */
  linkItem?: { itemId: string } | null;
  onSaved: (entry: TDecisionLogEntry) => void;
  onCancel?: () => void;
}) {
  const submit = useSubmit();
  // A decision links roadmap items and reviews, which list it.
  const write = useWrite([['decisions'], ['roadmap']]);
  const [draft, setDraft] = useState(initial);
  const [note, setNote] = useState('');
  useEffect(() => {
    const id = linkItem?.itemId;
    if (id)
      setDraft((d) =>
        d.roadmapItemIds.includes(id) ? d : { ...d, roadmapItemIds: [...d.roadmapItemIds, id] },
      );
  }, [linkItem]);
  return (
    <Form
      id={id}
      label={label}
      submit={submit}
      onSubmit={async () => {
        setNote('');
        const body = validate(ZDecisionLogInput, draftToInput(draft, occurrenceId));
        const entry = await write(() => decisionsApi.create(body));
        setNote(`Recorded decision #${entry.number}.`);
        setDraft(initial);
        onSaved(entry);
      }}
    >
      <DecisionFields draft={draft} onChange={setDraft} options={options} />
      <FormActions submit={submit} label="Record decision" pendingText="Recording…" note={note}>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </FormActions>
    </Form>
  );
}
