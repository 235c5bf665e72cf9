import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import type { DecisionDraft } from '../../lib/decision-draft.ts';
import type { DecisionOptions, Option } from './decision-options.ts';

interface FieldsProps {
  draft: DecisionDraft;
  onChange: (draft: DecisionDraft) => void;
  options: DecisionOptions;
  /** Where the API reports this entry's problems: "" for POST /decisions, "replacement." inside a revisit. */
  prefix?: string;
}

/** "Options considered": one line each, at least the one chosen. */
function OptionRows({ draft, onChange, prefix = '' }: Omit<FieldsProps, 'options'>) {
  const set = (options: string[]) => onChange({ ...draft, options });
  return (
    <RowsFieldset
      path={`${prefix}options`}
      legend="Options considered"
      hint="One option a line, including the one chosen. Empty lines are left out."
    >
      <ol className="rows option-rows">
        {draft.options.map((text, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; their text changes as people type
          <li className="row" key={i}>
            <TextField
              path={`${prefix}options.${i}`}
              label={`Option ${i + 1}`}
              value={text}
              onChange={(v) => set(draft.options.map((o, j) => (j === i ? v : o)))}
            />
            {draft.options.length > 1 ? (
              <button
                type="button"
                className="button small"
                onClick={() => set(draft.options.filter((_, j) => j !== i))}
              >
                Remove<span className="visually-hidden"> option {i + 1}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {draft.options.length < 10 ? (
        <button type="button" className="button small" onClick={() => set([...draft.options, ''])}>
          Add an option
        </button>
      ) : null}
    </RowsFieldset>
  );
}

/** One list of links as checkboxes in a scrolling box; the hint names what is chosen, wherever it scrolled to. */
function LinkChoices({
  path,
  legend,
  options,
  values,
  onChange,
}: {
  path: string;
  legend: string;
  options: readonly Option[];
  values: string[];
  onChange: (values: string[]) => void;
}) {
  if (options.length === 0) return null;
  const chosen = options.filter((o) => values.includes(o.value)).map((o) => o.label);
  return (
    <div className="link-choices">
      <CheckboxGroup
        path={path}
        legend={legend}
        options={options}
        values={values}
        onChange={onChange}
        hint={chosen.length ? `Linked: ${chosen.join('; ')}` : 'None linked.'}
      />
    </div>
  );
}

/** The pack's Decision Log template (§4) as fields, plus what the decision is linked to. */
export function DecisionFields({ draft, onChange, options, prefix = '' }: FieldsProps) {
  const set =
    <K extends keyof DecisionDraft>(key: K) =>
    (value: DecisionDraft[K]) =>
      onChange({ ...draft, [key]: value });
  return (
    <>
      <TextField
        path={`${prefix}title`}
        label="Decision"
        required
        value={draft.title}
        onChange={set('title')}
      />
      <TextField
        path={`${prefix}context`}
        label="Context"
        hint="What led to it."
        multiline
        required
        value={draft.context}
        onChange={set('context')}
      />
      <OptionRows draft={draft} onChange={onChange} prefix={prefix} />
      <TextField
        path={`${prefix}rationale`}
        label="Rationale"
        hint="Why this option."
        multiline
        required
        value={draft.rationale}
        onChange={set('rationale')}
      />
      <div className="form-grid">
        <SelectField
          path={`${prefix}ownerId`}
          label="Owner"
          required
          emptyLabel="Choose…"
          options={options.people}
          value={draft.ownerId}
          onChange={set('ownerId')}
        />
        <TextField
          path={`${prefix}decidedOn`}
          label="Date decided"
          type="date"
          value={draft.decidedOn}
          onChange={set('decidedOn')}
        />
        <TextField
          path={`${prefix}reviewDate`}
          label="Review date"
          type="date"
          required
          hint="When to look at it again; the owner is reminded that day."
          value={draft.reviewDate}
          onChange={set('reviewDate')}
        />
      </div>
      <LinkChoices
        path={`${prefix}roadmapItemIds`}
        legend="Roadmap items"
        options={options.items}
        values={draft.roadmapItemIds}
        onChange={set('roadmapItemIds')}
      />
      <LinkChoices
        path={`${prefix}releaseIds`}
        legend="Releases"
        options={options.releases}
        values={draft.releaseIds}
        onChange={set('releaseIds')}
      />
      <LinkChoices
        path={`${prefix}themes`}
        legend="Insight themes"
        options={options.themes}
        values={draft.themes}
        onChange={set('themes')}
      />
    </>
  );
}
