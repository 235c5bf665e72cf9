import { useState } from 'react';
import { type TContractVersion, type TPodContract, ZContractInput } from '../../../shared/contracts.ts';
import type { TPerson } from '../../../shared/org.ts';
import { contractsApi } from '../../api-contracts.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { type ContractDraft, draftOf, inputOf } from '../../lib/contracts.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { MetricsEditor, RisksEditor, SignersEditor } from './contract-fields.tsx';

/**
 * A new version of the pod's contract, starting from the current one. Everyone named is asked to sign it, and
 * nobody's earlier signature counts for it.
 */
export function ContractForm({
  podId,
  current,
  people,
  onSaved,
  onCancel,
}: {
  podId: string;
  current: TContractVersion | null;
  people: readonly TPerson[];
  onSaved: (view: TPodContract) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const [draft, setDraft] = useState<ContractDraft>(() => draftOf(current));
  const set = (change: Partial<ContractDraft>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <Form
      id="contract"
      label={current ? `Propose version ${current.version + 1}` : 'Write the strategy contract'}
      submit={submit}
      onSubmit={async () =>
        onSaved(await contractsApi.propose(podId, validate(ZContractInput, inputOf(draft))))
      }
    >
      <TextField
        path="goal"
        label="Goal"
        hint="What specific world state do you want to create?"
        multiline
        required
        value={draft.goal}
        onChange={(goal) => set({ goal })}
      />
      <TextField
        path="hypothesis"
        label="Hypothesis"
        hint="Why do you think this approach will work, from the data you have?"
        multiline
        value={draft.hypothesis}
        onChange={(hypothesis) => set({ hypothesis })}
      />
      <TextField
        path="rightToWin"
        label="Right to win"
        hint="Why are you uniquely placed to win this (data, integrations, access others do not have)?"
        multiline
        value={draft.rightToWin}
        onChange={(rightToWin) => set({ rightToWin })}
      />
      <MetricsEditor rows={draft.metrics} onChange={(metrics) => set({ metrics })} />
      <RisksEditor rows={draft.risks} onChange={(risks) => set({ risks })} />
      <TextField
        path="deadline"
        label="Deadline"
        type="date"
        required
        value={draft.deadline}
        onChange={(deadline) => set({ deadline })}
      />
      <SignersEditor rows={draft.signers} people={people} onChange={(signers) => set({ signers })} />
      <FormActions
        submit={submit}
        label={current ? `Propose version ${current.version + 1}` : 'Propose the contract'}
        pendingText="Proposing…"
      >
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}
