import { useState } from 'react';
import type { TArea, TMe, TPerson } from '../../../shared/org.ts';
import { type TRelease, ZReleaseInput } from '../../../shared/releases.ts';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import { releasesApi } from '../../api-releases.ts';
import { SelectField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { LaunchDateAdvice } from './launch-date-advice.tsx';
import { ReleaseBasicsFields } from './release-fields.tsx';
import { chosenTier, TierFields, type TierValues, useTierSuggestion } from './tier-fields.tsx';

interface Values extends TierValues {
  title: string;
  areaId: string;
  pmOwnerId: string;
  engOwnerId: string;
  targetDate: string;
  roadmapItemId: string;
}

/** Items a release can still ship: not dropped or shipped, in the chosen area when there is one. */
export function itemChoices(items: readonly TRoadmapItem[], areaId: string) {
  return items
    .filter((it) => it.status !== 'dropped' && it.status !== 'shipped' && (!areaId || it.areaId === areaId))
    .map((it) => ({ value: it.id, label: `${it.title} (${it.areaName}, ${it.rangeText})` }));
}

/** A new release: who owns it, when it launches, what it does (→ its tier). */
export function NewReleaseForm({
  me,
  areas,
  people,
  items,
  onSaved,
  onCancel,
}: {
  me: TMe;
  areas: readonly TArea[];
  people: readonly TPerson[];
  items: readonly TRoadmapItem[];
  onSaved: (r: TRelease) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const mine = areas.find((a) => a.ownerPmId === me.id);
  const [v, setV] = useState<Values>(() => ({
    title: '',
    areaId: mine?.id ?? '',
    pmOwnerId: me.roles.includes('pm') ? me.id : '',
    engOwnerId: mine?.engLeadId ?? '',
    targetDate: '',
    roadmapItemId: '',
    attributes: [],
    tier: '',
    tierReason: '',
  }));
  const suggestion = useTierSuggestion(v.attributes);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setV((prev) => ({ ...prev, [key]: value }));

  // Picking an area fills its PM and eng lead where nobody is chosen yet.
  const pickArea = (areaId: string) => {
    const area = areas.find((a) => a.id === areaId);
    setV((prev) => ({
      ...prev,
      areaId,
      // An item of another area is not this release's.
      roadmapItemId:
        items.find((it) => it.id === prev.roadmapItemId)?.areaId === areaId ? prev.roadmapItemId : '',
      pmOwnerId: prev.pmOwnerId || area?.ownerPmId || '',
      engOwnerId: prev.engOwnerId || area?.engLeadId || '',
    }));
  };

  const onSubmit = async () => {
    const tier = chosenTier(v, suggestion.data?.tier);
    const below = suggestion.data && tier !== null && tier < suggestion.data.tier;
    const body = validate(ZReleaseInput, {
      title: v.title,
      areaId: v.areaId || null,
      pmOwnerId: v.pmOwnerId || null,
      engOwnerId: v.engOwnerId || null,
      targetDate: v.targetDate,
      roadmapItemId: v.roadmapItemId || undefined,
      attributes: v.attributes,
      tier,
      tierReason: below ? v.tierReason : null,
    });
    onSaved(await releasesApi.create(body));
  };

  return (
    <Form id="new-release" submit={submit} onSubmit={onSubmit} label="New release">
      <ReleaseBasicsFields values={v} set={set} onArea={pickArea} areas={areas} people={people} />
      <SelectField
        path="roadmapItemId"
        label="Roadmap item it ships"
        hint="The item lists this release and follows its launch: its PM and Product Ops hear when the date leaves the item's range."
        value={v.roadmapItemId}
        emptyLabel="None"
        options={itemChoices(items, v.areaId)}
        onChange={set('roadmapItemId')}
      />
      <TierFields values={v} suggestion={suggestion} onChange={(t) => setV((prev) => ({ ...prev, ...t }))} />
      <LaunchDateAdvice tier={chosenTier(v, suggestion.data?.tier)} launch={v.targetDate} />
      <FormActions submit={submit} label="Create release" pendingText="Creating…">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
