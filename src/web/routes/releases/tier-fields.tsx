import type { TAttributeRule, TTierSuggestion } from '../../../shared/release-detail.ts';
import type { TTier } from '../../../shared/releases.ts';
import { releasesApi } from '../../api-releases.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { suggestionWords } from '../../lib/release-flow.ts';
import { TIER_OPTIONS, tierText } from '../../lib/release-labels.ts';
import { type Loaded, useLoad } from '../../lib/use-load.ts';

export interface TierValues {
  attributes: string[];
  /** '' follows the suggestion; '1'–'3' is the PM's choice. */
  tier: string;
  tierReason: string;
}

/** The org's attribute table and the suggestion for the ticked attributes, live from the API. */
export function useTierSuggestion(attributes: readonly string[]) {
  const key = [...attributes].sort().join(',');
  return useLoad(['releases', 'tier-suggestion', key], (signal) =>
    releasesApi.suggestTier([...attributes], signal),
  );
}

/** The tier the form will send: the PM's choice, else the suggestion. */
export function chosenTier(values: TierValues, suggested: TTier | undefined): TTier | null {
  if (values.tier) return Number(values.tier) as TTier;
  return suggested ?? null;
}

const attributeOptions = (table: readonly TAttributeRule[]) =>
  table.map((a) => ({ value: a.key, label: `${a.label} (Tier ${a.tier})` }));

/**
 * Attributes → the suggested tier and why (pack §6 tier table) → the assigned tier, defaulting to the
 * suggestion; a tier below the suggestion needs the PM's reason, which is kept.
 */
export function TierFields({
  values,
  suggestion,
  onChange,
  staleReason = false,
}: {
  values: TierValues;
  /** From useTierSuggestion(values.attributes): the form needs it too, to send the tier. */
  suggestion: Loaded<TTierSuggestion>;
  onChange: (values: TierValues) => void;
  /** The saved reason no longer counts (the suggestion rose above the tier): the PM must write a new one. */
  staleReason?: boolean;
}) {
  const s = suggestion.data;
  const tier = chosenTier(values, s?.tier);
  const below = s !== undefined && tier !== null && tier < s.tier;
  return (
    <fieldset className="field-section tier-fields">
      <legend>Tier</legend>
      {s ? (
        <CheckboxGroup
          path="attributes"
          legend="Attributes"
          hint="What the release does; the highest tier any attribute implies is the suggestion."
          options={attributeOptions(s.attributes)}
          values={values.attributes}
          onChange={(attributes) => onChange({ ...values, attributes })}
        />
      ) : (
        <p className="muted">Loading the attribute table…</p>
      )}
      <p className="tier-suggestion" role="status" aria-live="polite" aria-busy={suggestion.loading}>
        {s ? (
          <>
            <strong>Suggested:</strong> {suggestionWords(values.attributes, s.attributes)}
          </>
        ) : suggestion.error ? (
          suggestion.error.message
        ) : null}
      </p>
      <SelectField
        path="tier"
        label="Assigned tier"
        hint={s ? `Defaults to the suggestion (${tierText(s.tier)}).` : undefined}
        value={tier === null ? '' : String(tier)}
        options={TIER_OPTIONS}
        onChange={(t) => onChange({ ...values, tier: t })}
      />
      {below ? (
        <TextField
          path="tierReason"
          label="Why a lower tier than suggested?"
          hint={
            staleReason
              ? 'The attributes now suggest a higher tier than when the last reason was given: write a new one.'
              : "Required: the reason is kept with the release's tier history."
          }
          multiline
          required
          value={values.tierReason}
          onChange={(tierReason) => onChange({ ...values, tierReason })}
        />
      ) : null}
    </fieldset>
  );
}
