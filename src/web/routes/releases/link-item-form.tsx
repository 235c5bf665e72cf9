import { useState } from 'react';
import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { releasesApi } from '../../api-releases.ts';
import { SelectField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { RELEASE_AND_ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { roadmapApi } from '../roadmap/roadmap-api.ts';
import { itemChoices } from './new-release-form.tsx';

/**
 * Links a release to the roadmap item it ships, from the release page: the item then lists it and follows its
 * launch, so stakeholders read one "when" for both.
 */
export function LinkItemForm({ detail }: { detail: TReleaseDetail }) {
  const r = detail.release;
  const items = useLoad(['roadmap', 'items'], (signal) => roadmapApi.items(signal));
  const submit = useSubmit();
  const write = useWrite(RELEASE_AND_ROADMAP_CHANGES);
  const [itemId, setItemId] = useState('');
  if (!detail.permissions.update || !items.data) return null;
  const linked = items.data.some((it) => it.releaseIds.includes(r.id));
  const choices = itemChoices(items.data, r.areaId ?? '');
  if (linked || !choices.length) return null;
  const onSubmit = async () => {
    await write(() => releasesApi.update(r.id, { roadmapItemId: itemId }));
    setItemId('');
  };
  return (
    <Form id="link-item" submit={submit} onSubmit={onSubmit} label="Link to a roadmap item">
      <SelectField
        path="roadmapItemId"
        label="Roadmap item it ships"
        value={itemId}
        emptyLabel="Choose an item"
        options={choices}
        onChange={setItemId}
        required
      />
      <FormActions submit={submit} label="Link item" pendingText="Linking…" />
    </Form>
  );
}
