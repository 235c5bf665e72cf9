import { useState } from 'react';
import { type TBrief, ZBriefInput } from '../../../shared/bets.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { FieldError, Form, FormActions, useField, useGroupErrors } from '../../components/form.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';
import type { Option } from '../decisions/decision-options.ts';
import { betsApi } from './bets-api.ts';

/** A list of short lines typed one a line; the API's problems with any of them show under the box. */
function LinesField(props: {
  path: string;
  label: string;
  hint: string;
  required?: boolean;
  value: string;
  onChange: (v: string) => void;
}) {
  const f = useField(props.path, props.label);
  const errors = useGroupErrors(props.path, true);
  return (
    <div className={`field${errors.length ? ' has-error' : ''}`}>
      <label htmlFor={f.id} className="field-label">
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <p className="field-hint" id={`${f.id}-hint`}>
        {props.hint}
      </p>
      <textarea
        id={f.id}
        name={props.path}
        rows={3}
        value={props.value}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={`${f.id}-hint${errors.length ? ` ${f.errorId}` : ''}`}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldError id={f.errorId} error={errors.length ? errors.join('; ') : null} />
    </div>
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface Draft {
  experiment: string;
  opportunity: string;
  positiveSignals: string;
  harmfulIndicators: string;
  learningGoals: string;
  optionsNotChosen: { option: string; why: string }[];
  timeBoxEnd: string;
  decisionId: string;
}

const empty = (): Draft => ({
  experiment: '',
  opportunity: '',
  positiveSignals: '',
  harmfulIndicators: '',
  learningGoals: '',
  optionsNotChosen: [],
  timeBoxEnd: '',
  decisionId: '',
});

function OptionRows({
  rows,
  onChange,
}: {
  rows: Draft['optionsNotChosen'];
  onChange: (r: Draft['optionsNotChosen']) => void;
}) {
  const set = (i: number, key: 'option' | 'why', v: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <RowsFieldset
      path="optionsNotChosen"
      legend="Options not chosen"
      hint="Each option the team passed over, and why."
    >
      <ol className="rows">
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; their text changes as people type
          <li className="row" key={i}>
            <TextField
              path={`optionsNotChosen.${i}.option`}
              label={`Option ${i + 1}`}
              value={r.option}
              onChange={(v) => set(i, 'option', v)}
            />
            <TextField
              path={`optionsNotChosen.${i}.why`}
              label="Why not"
              value={r.why}
              onChange={(v) => set(i, 'why', v)}
            />
            <button
              type="button"
              className="button small"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
            >
              Remove<span className="visually-hidden"> option {i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      {rows.length < 10 ? (
        <button
          type="button"
          className="button small"
          onClick={() => onChange([...rows, { option: '', why: '' }])}
        >
          Add an option not chosen
        </button>
      ) : null}
    </RowsFieldset>
  );
}

/** Records an experiment brief under a bet (POST /bets/:id/briefs). */
export function BriefForm({
  betId,
  uncharted,
  decisions,
  onSaved,
}: {
  betId: string;
  /** Uncharted bets need learning goals and a time box: the fields say so. */
  uncharted: boolean;
  decisions: Option[];
  onSaved: (brief: TBrief) => void;
}) {
  const submit = useSubmit();
  const write = useWrite([['bets']]);
  const [draft, setDraft] = useState(empty);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  return (
    <Form
      id="new-brief"
      label="Write an experiment brief"
      submit={submit}
      onSubmit={async () => {
        const body = validate(ZBriefInput, {
          experiment: draft.experiment,
          opportunity: draft.opportunity,
          positiveSignals: lines(draft.positiveSignals),
          harmfulIndicators: lines(draft.harmfulIndicators),
          ...(draft.learningGoals.trim() ? { learningGoals: lines(draft.learningGoals) } : {}),
          ...(draft.optionsNotChosen.length ? { optionsNotChosen: draft.optionsNotChosen } : {}),
          ...(draft.timeBoxEnd ? { timeBoxEnd: draft.timeBoxEnd } : {}),
          ...(draft.decisionId ? { decisionId: draft.decisionId } : {}),
        });
        const brief = await write(() => betsApi.createBrief(betId, body));
        setDraft(empty());
        onSaved(brief);
      }}
    >
      <TextField
        path="experiment"
        label="The experiment"
        multiline
        required
        value={draft.experiment}
        onChange={set('experiment')}
      />
      <TextField
        path="opportunity"
        label="The opportunity it tests"
        multiline
        required
        value={draft.opportunity}
        onChange={set('opportunity')}
      />
      <LinesField
        path="positiveSignals"
        label="Signals that it works"
        hint="One a line."
        required
        value={draft.positiveSignals}
        onChange={set('positiveSignals')}
      />
      <LinesField
        path="harmfulIndicators"
        label="Harmful leading indicators to watch"
        hint="What would show harm first, one a line."
        required
        value={draft.harmfulIndicators}
        onChange={set('harmfulIndicators')}
      />
      <LinesField
        path="learningGoals"
        label="Learning goals"
        hint={
          uncharted
            ? 'Required: this bet is Uncharted. What should the experiment teach? One a line.'
            : 'What should the experiment teach? One a line.'
        }
        required={uncharted}
        value={draft.learningGoals}
        onChange={set('learningGoals')}
      />
      <OptionRows rows={draft.optionsNotChosen} onChange={set('optionsNotChosen')} />
      <div className="form-grid">
        <TextField
          path="timeBoxEnd"
          label="Time box ends"
          type="date"
          required={uncharted}
          hint="The last day of the experiment."
          value={draft.timeBoxEnd}
          onChange={set('timeBoxEnd')}
        />
        <SelectField
          path="decisionId"
          label="Decision"
          emptyLabel="None"
          options={decisions}
          value={draft.decisionId}
          onChange={set('decisionId')}
        />
      </div>
      <FormActions submit={submit} label="Record brief" pendingText="Recording…" />
    </Form>
  );
}
