import { useState } from 'react';
import { type TBet, ZBetInput } from '../../../shared/bets.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import type { BetOptions } from './bet-options.ts';
import { betsApi } from './bets-api.ts';
import { emptyProfile, LivePlacement, type ProfileDraft, ProfileFields } from './profile-fields.tsx';

interface BetDraft {
  title: string;
  summary: string;
  podId: string;
  ownerId: string;
  roadmapItemIds: string[];
  profile: ProfileDraft;
}

/** Records a bet (POST /bets); the cluster and approach show as the profile is answered. */
export function NewBetForm({
  options,
  ownerId,
  onSaved,
  onCancel,
}: {
  options: BetOptions;
  ownerId: string;
  onSaved: (bet: TBet) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const [draft, setDraft] = useState<BetDraft>({
    title: '',
    summary: '',
    podId: '',
    ownerId,
    roadmapItemIds: [],
    profile: emptyProfile(),
  });
  const set =
    <K extends keyof BetDraft>(key: K) =>
    (value: BetDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  return (
    <Form
      id="new-bet"
      label="Record a bet"
      submit={submit}
      onSubmit={async () => {
        const { roadmapItemIds, summary, ...rest } = draft;
        const body = validate(ZBetInput, {
          ...rest,
          ...(summary.trim() ? { summary } : {}),
          ...(roadmapItemIds.length ? { roadmapItemIds } : {}),
        });
        onSaved(await betsApi.create(body));
      }}
    >
      <TextField path="title" label="The bet" required value={draft.title} onChange={set('title')} />
      <TextField
        path="summary"
        label="Why we believe it"
        multiline
        value={draft.summary}
        onChange={set('summary')}
      />
      <div className="form-grid">
        <SelectField
          path="podId"
          label="Pod"
          required
          emptyLabel="Choose…"
          options={options.pods}
          value={draft.podId}
          onChange={set('podId')}
        />
        <SelectField
          path="ownerId"
          label="Owner"
          required
          emptyLabel="Choose…"
          options={options.people}
          value={draft.ownerId}
          onChange={set('ownerId')}
        />
      </div>
      <ProfileFields value={draft.profile} onChange={set('profile')} />
      <LivePlacement profile={draft.profile} />
      {options.items.length ? (
        <div className="link-choices">
          <CheckboxGroup
            path="roadmapItemIds"
            legend="Roadmap items it stands behind"
            options={options.items}
            values={draft.roadmapItemIds}
            onChange={set('roadmapItemIds')}
          />
        </div>
      ) : null}
      <FormActions submit={submit} label="Record bet" pendingText="Recording…">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
