import { placeBet } from '../../../domain/velocity/bets.ts';
import {
  CHANGE_KINDS,
  CHANGE_LABELS,
  DEPENDENCE_LABELS,
  DEPENDENCE_LEVELS,
  GOAL_LABELS,
  GOAL_TYPES,
  LEVEL_LABELS,
  LEVELS,
  type TBetPlacement,
  type TBetProfile,
} from '../../../shared/bets.ts';
import { CheckboxGroup, SelectField } from '../../components/fields.tsx';

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** The six profile questions, as the form's answers (empty until answered). */
export type ProfileDraft = { [K in keyof TBetProfile]: K extends 'change' ? TBetProfile[K] : string };

export const emptyProfile = (): ProfileDraft => ({
  familiarity: '',
  change: [],
  measurability: '',
  goal: '',
  dependence: '',
  traceability: '',
});

/** The profile once every question is answered; null before. */
export function answered(p: ProfileDraft): TBetProfile | null {
  const { change, ...levels } = p;
  return Object.values(levels).every((v) => v !== '') ? (p as unknown as TBetProfile) : null;
}

/** The profile questions; `prefix` is where the API reports their problems ("profile."). */
export function ProfileFields({
  value,
  onChange,
  prefix = 'profile.',
}: {
  value: ProfileDraft;
  onChange: (p: ProfileDraft) => void;
  prefix?: string;
}) {
  const set = (key: keyof ProfileDraft) => (v: string) => onChange({ ...value, [key]: v });
  const level = (key: 'familiarity' | 'measurability' | 'traceability', label: string, hint: string) => (
    <SelectField
      path={`${prefix}${key}`}
      label={label}
      hint={hint}
      required
      emptyLabel="Choose…"
      options={options(LEVELS, LEVEL_LABELS)}
      value={value[key]}
      onChange={set(key)}
    />
  );
  return (
    <fieldset className="bet-profile">
      <legend>Bet profile</legend>
      <div className="form-grid">
        {level('familiarity', 'Domain familiarity', 'How well the team knows this domain and its patterns.')}
        {level('measurability', 'Measurability', 'How clearly success can be measured.')}
        {level('traceability', 'Traceability', 'How surely a result can be traced back to this work.')}
        <SelectField
          path={`${prefix}goal`}
          label="Goal type"
          required
          emptyLabel="Choose…"
          options={options(GOAL_TYPES, GOAL_LABELS)}
          value={value.goal}
          onChange={set('goal')}
        />
        <SelectField
          path={`${prefix}dependence`}
          label="Dependence on other teams"
          required
          emptyLabel="Choose…"
          options={options(DEPENDENCE_LEVELS, DEPENDENCE_LABELS)}
          value={value.dependence}
          onChange={set('dependence')}
        />
      </div>
      <CheckboxGroup
        path={`${prefix}change`}
        legend="Change required"
        hint="Tick every kind of change the bet needs; none ticked: nothing beyond the code."
        options={options(CHANGE_KINDS, CHANGE_LABELS)}
        values={value.change}
        onChange={(change) => onChange({ ...value, change })}
      />
    </fieldset>
  );
}

/** The cluster, why, and the approach: shown live as the profile is answered, and on the bet's page. */
export function PlacementPanel({ placement }: { placement: TBetPlacement }) {
  return (
    <div className="notice bet-placement" aria-live="polite">
      <p>
        <strong>{placement.label}</strong>: {placement.approach.title}
      </p>
      <p className="muted">{placement.approach.summary}</p>
      <h3>Why this cluster</h3>
      <ul>
        {placement.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>How to work</h3>
      <ol>
        {placement.approach.steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {placement.cautions.length ? (
        <>
          <h3>Watch</h3>
          <ul>
            {placement.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

/** The live placement of a draft: a prompt until every question is answered. */
export function LivePlacement({ profile }: { profile: ProfileDraft }) {
  const full = answered(profile);
  if (!full)
    return (
      <p className="field-hint" aria-live="polite">
        Answer the profile questions to see the bet's cluster and the approach recommended for it.
      </p>
    );
  return <PlacementPanel placement={placeBet(full)} />;
}
