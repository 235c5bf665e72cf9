import { useState } from 'react';
import type { TArea, TMe } from '../../../shared/org.ts';
import type { TRelease } from '../../../shared/releases.ts';
import {
  type TConfidence,
  type TRoadmapItem,
  type TRoadmapStatus,
  type VISIBILITIES,
  ZRoadmapItemInput,
  ZRoadmapItemPatch,
} from '../../../shared/roadmap.ts';
import { releasesApi } from '../../api-releases.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { changedFields, useSubmit, validate } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { CONFIDENCE_OPTIONS, ROADMAP_STATUS_OPTIONS, VISIBILITY_OPTIONS } from '../../lib/roadmap-labels.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { roadmapApi } from './roadmap-api.ts';

type Visibility = (typeof VISIBILITIES)[number];

interface Values {
  title: string;
  summary: string;
  customerNote: string;
  areaId: string;
  status: TRoadmapStatus;
  confidence: TConfidence;
  earliest: string;
  latest: string;
  visibility: Visibility;
  dependsOn: string[];
  releaseIds: string[];
  themes: string[];
}

const valuesOf = (it: TRoadmapItem): Values => ({
  title: it.title,
  summary: it.summary,
  customerNote: it.customerNote,
  areaId: it.areaId,
  status: it.status,
  confidence: it.confidence,
  earliest: it.earliest,
  latest: it.latest,
  visibility: it.visibility,
  dependsOn: it.dependsOn,
  releaseIds: it.releaseIds,
  themes: it.themes,
});

/** Sets compare as sets: ticking a box off and on again changes nothing. */
const sorted = (v: Values): Values => ({
  ...v,
  dependsOn: [...v.dependsOn].sort(),
  releaseIds: [...v.releaseIds].sort(),
  themes: [...v.themes].sort(),
});

const blank = (areaId: string): Values => ({
  title: '',
  summary: '',
  customerNote: '',
  areaId,
  status: 'planned',
  confidence: 'medium',
  earliest: '',
  latest: '',
  visibility: 'stakeholders',
  dependsOn: [],
  releaseIds: [],
  themes: [],
});

const isManager = (me: TMe) =>
  me.roles.some((r) => r === 'product_ops' || r === 'head_of_product' || r === 'admin');

/** Product Ops and up add items anywhere; a PM in the areas they own (the API's roadmap_item policy). */
export const canCreateItem = (me: TMe) =>
  isManager(me) || (me.roles.includes('pm') && me.ownedAreaIds.length > 0);

/** The areas this person may put an item in (plus the item's own, so the select shows it). */
const areaChoices = (me: TMe, areas: readonly TArea[], current: string) =>
  areas
    .filter((a) => isManager(me) || me.ownedAreaIds.includes(a.id) || a.id === current)
    .map((a) => ({ value: a.id, label: a.name }));

interface Lists {
  me: TMe;
  areas: readonly TArea[];
  /** Every roadmap item: the "depends on" choices. */
  items: readonly TRoadmapItem[];
  themes: readonly { key: string; label: string }[];
}

function dependencyChoices(items: readonly TRoadmapItem[], self: string | null, chosen: readonly string[]) {
  return items
    .filter((it) => it.id !== self && (it.status !== 'dropped' || chosen.includes(it.id)))
    .map((it) => ({ value: it.id, label: `${it.title} (${it.areaName}, ${it.rangeText})` }));
}

function releaseChoices(releases: readonly TRelease[], chosen: readonly string[]) {
  return releases
    .filter((r) => (r.status !== 'launched' && r.status !== 'rolled_back') || chosen.includes(r.id))
    .map((r) => ({ value: r.id, label: `${r.title} (${formatLocalDate(r.targetDate, true)})` }));
}

/** The fields of an item, shared by "New item" and "Edit item". */
function ItemFields({
  v,
  set,
  lists,
  releases,
  self,
}: {
  v: Values;
  set: <K extends keyof Values>(key: K) => (value: Values[K]) => void;
  lists: Lists;
  releases: readonly TRelease[];
  self: string | null;
}) {
  const deps = dependencyChoices(lists.items, self, v.dependsOn);
  const rels = releaseChoices(releases, v.releaseIds);
  return (
    <>
      <TextField path="title" label="Title" value={v.title} onChange={set('title')} required />
      <TextField
        path="summary"
        label="Stakeholder summary"
        hint="What it is and why it matters, in words Sales, Support and CS use."
        value={v.summary}
        onChange={set('summary')}
        multiline
        required
      />
      <TextField
        path="customerNote"
        label="What Sales may say"
        hint="What may be told to customers. Empty: nothing beyond the summary."
        value={v.customerNote}
        onChange={set('customerNote')}
        multiline
      />
      <div className="form-grid">
        <SelectField
          path="areaId"
          label="Area"
          value={v.areaId}
          emptyLabel="Choose an area"
          options={areaChoices(lists.me, lists.areas, v.areaId)}
          onChange={set('areaId')}
          required
        />
        <SelectField
          path="status"
          label="Status"
          value={v.status}
          options={ROADMAP_STATUS_OPTIONS}
          onChange={(s) => set('status')(s as TRoadmapStatus)}
        />
        <SelectField
          path="confidence"
          label="Confidence"
          value={v.confidence}
          options={CONFIDENCE_OPTIONS}
          onChange={(c) => set('confidence')(c as TConfidence)}
        />
        <SelectField
          path="visibility"
          label="Visibility"
          value={v.visibility}
          options={VISIBILITY_OPTIONS}
          onChange={(x) => set('visibility')(x as Visibility)}
        />
        <TextField
          path="earliest"
          label="Earliest"
          type="date"
          hint="A range, never a committed date."
          value={v.earliest}
          onChange={set('earliest')}
          required
        />
        <TextField
          path="latest"
          label="Latest"
          type="date"
          value={v.latest}
          onChange={set('latest')}
          required
        />
      </div>
      <div className="roadmap-picks">
        <CheckboxGroup<string>
          path="dependsOn"
          legend="Depends on"
          options={deps}
          values={v.dependsOn}
          onChange={set('dependsOn')}
          hint={deps.length ? undefined : 'No other item on the roadmap yet.'}
        />
        <CheckboxGroup<string>
          path="releaseIds"
          legend="Linked releases"
          options={rels}
          values={v.releaseIds}
          onChange={set('releaseIds')}
          hint={rels.length ? undefined : 'No upcoming release.'}
        />
        <CheckboxGroup<string>
          path="themes"
          legend="Insight themes"
          options={lists.themes.map((t) => ({ value: t.key, label: t.label }))}
          values={v.themes}
          onChange={set('themes')}
        />
      </div>
    </>
  );
}

function useValues(initial: Values) {
  const [v, setV] = useState<Values>(initial);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setV((prev) => ({ ...prev, [key]: value }));
  return { v, set };
}

/** Releases to link: loaded once the form opens. */
function useReleases() {
  return useLoad(['releases', 'all'], (signal) => releasesApi.list({}, signal));
}

function Waiting({ releases }: { releases: ReturnType<typeof useReleases> }) {
  return releases.error ? (
    <LoadError error={releases.error} retry={releases.reload} />
  ) : (
    <Loading what="releases" />
  );
}

export function NewItemForm({
  lists,
  onSaved,
  onCancel,
}: {
  lists: Lists;
  onSaved: (it: TRoadmapItem) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const write = useWrite(ROADMAP_CHANGES);
  const releases = useReleases();
  const mine = lists.areas.find((a) => lists.me.ownedAreaIds.includes(a.id));
  const { v, set } = useValues(blank(mine?.id ?? ''));
  const [note, setNote] = useState('');
  if (!releases.data) return <Waiting releases={releases} />;
  const onSubmit = async () => {
    const body = validate(ZRoadmapItemInput, { ...v, note: note || undefined });
    onSaved(await write(() => roadmapApi.create(body)));
  };
  return (
    <Form id="new-roadmap-item" submit={submit} onSubmit={onSubmit} label="New roadmap item">
      <ItemFields v={v} set={set} lists={lists} releases={releases.data} self={null} />
      <TextField
        path="note"
        label="Note"
        hint="Why it is on the roadmap: the review reads it."
        value={note}
        onChange={setNote}
      />
      <FormActions submit={submit} label="Add item" pendingText="Adding…">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}

/** PATCH with only what changed, and the "why" the history and the review agenda show. */
export function EditItemForm({
  item,
  lists,
  onSaved,
  onCancel,
}: {
  item: TRoadmapItem;
  lists: Lists;
  onSaved: (it: TRoadmapItem) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const write = useWrite(ROADMAP_CHANGES);
  const releases = useReleases();
  const { v, set } = useValues(valuesOf(item));
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  if (!releases.data) return <Waiting releases={releases} />;
  const onSubmit = async () => {
    setStatus('');
    const changed = changedFields(sorted(valuesOf(item)), sorted(v));
    if (Object.keys(changed).length === 0) {
      setStatus('Nothing changed.');
      return;
    }
    const patch = validate(ZRoadmapItemPatch, { ...changed, note: note || undefined });
    onSaved(await write(() => roadmapApi.update(item.id, patch)));
  };
  return (
    <Form id="edit-roadmap-item" submit={submit} onSubmit={onSubmit} label="Edit roadmap item">
      <ItemFields v={v} set={set} lists={lists} releases={releases.data} self={item.id} />
      <TextField
        path="note"
        label="Why"
        hint="Why it changed: shown in the history and in the next Roadmap Review."
        value={note}
        onChange={setNote}
        multiline
      />
      <FormActions submit={submit} note={status}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
