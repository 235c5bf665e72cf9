import { useState } from 'react';
import { addDays } from '../../../shared/calendar.ts';
import { type TDecisionLogEntry, ZRevisitInput } from '../../../shared/decisions.ts';
import { TextField } from '../../components/fields.tsx';
import { FieldError, Form, FormActions, useField } from '../../components/form.tsx';
import { DEFAULT_REVIEW_DAYS, draftFrom, draftToInput } from '../../lib/decision-draft.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';
import { DecisionFields } from './decision-fields.tsx';
import type { DecisionOptions } from './decision-options.ts';
import { decisionsApi } from './decisions-api.ts';

type Outcome = 'kept' | 'superseded';

const OUTCOME_LABELS: Record<Outcome, string> = {
  kept: 'Keep it (it still holds)',
  superseded: 'Supersede it with a new decision',
};

function OutcomeRadios({ value, onChange }: { value: Outcome | ''; onChange: (o: Outcome) => void }) {
  const f = useField('outcome', 'Outcome');
  return (
    <fieldset className="field toggle-radios" id={f.id} tabIndex={-1}>
      <legend>Outcome</legend>
      {(['kept', 'superseded'] as const).map((o) => (
        <span className="radio" key={o}>
          <input
            type="radio"
            id={`${f.id}-${o}`}
            name="outcome"
            checked={value === o}
            onChange={() => onChange(o)}
          />
          <label htmlFor={`${f.id}-${o}`}>{OUTCOME_LABELS[o]}</label>
        </span>
      ))}
      <FieldError id={f.errorId} error={f.error} />
    </fieldset>
  );
}

/**
 * Revisit an entry (ZRevisitInput): keep it with a note and the next review date, or supersede it: the
 * replacement is a new entry (prefilled from this one), and both stay in the log, linked both ways.
 */
export function RevisitForm({
  entry,
  options,
  today,
  onSaved,
}: {
  entry: TDecisionLogEntry;
  options: DecisionOptions;
  today: string;
  onSaved: (entry: TDecisionLogEntry) => void;
}) {
  const submit = useSubmit();
  // A supersession adds an entry to the log and moves roadmap links.
  const write = useWrite([['decisions'], ['roadmap']]);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [note, setNote] = useState('');
  const [nextReviewDate, setNextReviewDate] = useState(addDays(today, DEFAULT_REVIEW_DAYS));
  const [replacement, setReplacement] = useState(() => draftFrom(entry, today));
  const body = () =>
    outcome === 'superseded'
      ? { outcome, note, replacement: draftToInput(replacement) }
      : { outcome, note, nextReviewDate };
  return (
    <Form
      id="revisit"
      label="Revisit this decision"
      submit={submit}
      onSubmit={async () => {
        const input = validate(ZRevisitInput, body());
        const saved = await write(() => decisionsApi.revisit(entry.id, input));
        onSaved(saved);
      }}
    >
      <OutcomeRadios value={outcome} onChange={setOutcome} />
      <TextField
        path="note"
        label={outcome === 'superseded' ? 'What changed' : 'Why it still holds'}
        multiline
        required
        value={note}
        onChange={setNote}
      />
      {outcome === 'kept' ? (
        <TextField
          path="nextReviewDate"
          label="Next review date"
          type="date"
          required
          value={nextReviewDate}
          onChange={setNextReviewDate}
        />
      ) : null}
      {outcome === 'superseded' ? (
        <fieldset className="replacement">
          <legend>The replacement decision</legend>
          <p className="field-hint">
            A new entry in the log, starting as a copy of this one: change what changed. This entry stays as
            it is, marked superseded.
          </p>
          <DecisionFields
            draft={replacement}
            onChange={setReplacement}
            options={options}
            prefix="replacement."
          />
        </fieldset>
      ) : null}
      <FormActions submit={submit} label="Record the revisit" pendingText="Recording…" />
    </Form>
  );
}
