import { useState } from 'react';
import type { TPodContract } from '../../../shared/contracts.ts';
import type { TPerson } from '../../../shared/org.ts';
import { ApiError, api } from '../../api-client.ts';
import { contractsApi } from '../../api-contracts.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading } from '../../components/page.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { ContractForm } from './contract-form.tsx';
import { ContractOnePage, ContractState, PreviousVersions } from './contract-view.tsx';

/** The contract, or null for a reader who may not read it (a stakeholder not named to sign it). */
async function loadContract(podId: string, signal: AbortSignal): Promise<TPodContract | null> {
  try {
    return await contractsApi.get(podId, signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null;
    throw err;
  }
}

function Propose({ view, onSaved }: { view: TPodContract; onSaved: (v: TPodContract) => void }) {
  const [open, setOpen] = useState(false);
  const people = useLoad<TPerson[]>(open ? ['people', 'all'] : null, (signal) => api.people.all(signal));
  const label = view.contract ? 'Propose a new version' : 'Write the strategy contract';
  return (
    <CreatePanel label={label} open={open} onOpenChange={setOpen}>
      <h3>{label}</h3>
      {people.error ? <LoadError error={people.error} retry={people.reload} /> : null}
      {people.data ? (
        <ContractForm
          podId={view.podId}
          current={view.contract}
          people={people.data}
          onCancel={() => setOpen(false)}
          onSaved={(v) => {
            setOpen(false);
            onSaved(v);
          }}
        />
      ) : people.error ? null : (
        <Loading what="people" />
      )}
    </CreatePanel>
  );
}

/**
 * The pod's strategy contract (issue 15): its state (flagged unless signed), the one page, a Sign button for a
 * named signer who has not signed, the markdown download, the propose form and the versions before.
 */
export function ContractSection({ podId }: { podId: string }) {
  const data = useLoad(['pods', podId, 'contract'], (signal) => loadContract(podId, signal));
  const [status, setStatus] = useState('');
  // Nothing until the answer is in: a stakeholder who may not read it must not glimpse even the heading.
  if (data.data === null || (data.data === undefined && !data.error)) return null;
  const view = data.data;
  const saved = (message: string) => (v: TPodContract) => {
    data.setData(v);
    setStatus(message);
  };
  return (
    <section aria-labelledby="contract-heading" className="pod-contract">
      <h2 id="contract-heading">Strategy contract</h2>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!view ? (
        data.error ? null : (
          <Loading what="strategy contract" />
        )
      ) : (
        <>
          <ContractState state={view.state} contract={view.contract} />
          <LiveStatus>{status}</LiveStatus>
          <div className="contract-actions">
            {view.permissions.sign && view.contract ? (
              <ActionButton
                primary
                pendingText="Signing…"
                run={async () =>
                  saved(`You signed version ${view.contract!.version}.`)(
                    await contractsApi.sign(podId, view.contract!.version),
                  )
                }
              >
                Sign version {view.contract.version}
              </ActionButton>
            ) : null}
            {view.contract ? (
              <a className="button" href={contractsApi.markdownUrl(podId)} download>
                Download markdown
              </a>
            ) : null}
          </div>
          {view.contract ? <ContractOnePage contract={view.contract} /> : null}
          {view.permissions.propose ? (
            <Propose view={view} onSaved={(v) => saved(`Version ${v.contract?.version} proposed.`)(v)} />
          ) : null}
          <PreviousVersions versions={view.previous} />
        </>
      )}
    </section>
  );
}
