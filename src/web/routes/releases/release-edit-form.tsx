import { useState } from 'react';
import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { type TReleaseStatus, type TTier, ZReleasePatch } from '../../../shared/releases.ts';
import { api } from '../../api-client.ts';
import { releasesApi } from '../../api-releases.ts';
import { SelectField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { changedFields, useSubmit, validate } from '../../lib/forms.ts';
import { RELEASE_AND_ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { EDITABLE_STATUSES, STATUS_LABELS } from '../../lib/release-labels.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { ReleaseBasicsFields } from './release-fields.tsx';
import { chosenTier, TierFields, type TierValues, useTierSuggestion } from './tier-fields.tsx';

interface Values extends TierValues {
  title: string;
  areaId: string;
  pmOwnerId: string;
  engOwnerId: string;
  targetDate: string;
  status: TReleaseStatus;
}

/** The saved reason was for a lower suggestion: it no longer counts (the server asks for a re-tier without a new one). */
function staleReason(r: TReleaseDetail['release'], v: Values, suggested: TTier | undefined): boolean {
  if (r.tierReview) return v.tierReason === '';
  return (
    suggested !== undefined && suggested > (r.suggestedTier ?? 1) && v.tierReason === (r.tierReason ?? '')
  );
}

/** Owners, date, attributes, tier and status. go / hold / delay are not offered: a decision sets them. */
export function ReleaseEditForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: TReleaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const r = detail.release;
  const lists = useLoad(['releases', 'edit-lists'], async (signal) => {
    const [areas, people] = await Promise.all([api.areas.all(signal), api.people.all(signal)]);
    return { areas, people };
  });
  const submit = useSubmit();
  const write = useWrite(RELEASE_AND_ROADMAP_CHANGES);
  const initial: Values = {
    title: r.title,
    areaId: r.areaId ?? '',
    pmOwnerId: r.pmOwnerId ?? '',
    engOwnerId: r.engOwnerId ?? '',
    targetDate: r.targetDate,
    status: r.status,
    attributes: r.attributes,
    tier: r.tier ? String(r.tier) : '',
    tierReason: r.tierReason ?? '',
  };
  const [v, setV] = useState<Values>(initial);
  const suggestion = useTierSuggestion(v.attributes);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setV((prev) => ({ ...prev, [key]: value }));
  const statuses = [...new Set<TReleaseStatus>([r.status, ...EDITABLE_STATUSES])];

  const asPatch = (x: Values) => {
    const tier = chosenTier(x, suggestion.data?.tier);
    const below = suggestion.data && tier !== null && tier < suggestion.data.tier;
    return {
      title: x.title,
      areaId: x.areaId || null,
      pmOwnerId: x.pmOwnerId || null,
      engOwnerId: x.engOwnerId || null,
      targetDate: x.targetDate,
      status: x.status,
      attributes: x.attributes,
      tier,
      tierReason: below ? x.tierReason : (r.tierReason ?? null),
    };
  };

  const onSubmit = async () => {
    const next = asPatch(v);
    const changed = changedFields(asPatch(initial), next);
    // A release without a tier shows the suggestion in the select: saving assigns it.
    if (r.tier === null && next.tier !== null) changed.tier = next.tier;
    const patch = validate(ZReleasePatch, changed);
    await write(() => releasesApi.update(r.id, patch));
    onSaved();
  };

  if (!lists.data) {
    return lists.error ? (
      <LoadError error={lists.error} retry={lists.reload} />
    ) : (
      <Loading what="areas and people" />
    );
  }
  return (
    <Form id="edit-release" submit={submit} onSubmit={onSubmit} label="Edit release">
      <ReleaseBasicsFields values={v} set={set} areas={lists.data.areas} people={lists.data.people}>
        <SelectField
          path="status"
          label="Status"
          hint="Go, hold and delay come from a go/no-go decision."
          value={v.status}
          options={statuses.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          onChange={(s) => set('status')(s as TReleaseStatus)}
        />
      </ReleaseBasicsFields>
      <TierFields
        values={v}
        suggestion={suggestion}
        staleReason={staleReason(r, v, suggestion.data?.tier)}
        onChange={(t) => setV((prev) => ({ ...prev, ...t }))}
      />
      <FormActions submit={submit}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
