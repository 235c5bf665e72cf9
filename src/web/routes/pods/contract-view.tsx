import { bySignature, namesText, stateLine } from '../../../domain/org/contracts.ts';
import type { TContractState, TContractVersion } from '../../../shared/contracts.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useActorText } from '../../lib/use-actor-text.ts';

const STATE_CLASS: Record<TContractState, string> = {
  none: 'contract-state warn',
  draft: 'contract-state warn',
  awaiting_sign_off: 'contract-state warn',
  signed: 'contract-state ok',
};

/** "Signed by … on …", "Waiting for …", or "No strategy contract yet", flagged unless it is signed. */
export function ContractState({
  state,
  contract,
}: {
  state: TContractState;
  contract: TContractVersion | null;
}) {
  return (
    <p className={STATE_CLASS[state]} role="status">
      {state === 'signed' ? null : <span aria-hidden="true">⚠ </span>}
      {stateLine(state, contract?.signers ?? [])}.
    </p>
  );
}

const Paragraphs = ({ text }: { text: string }) =>
  text.trim() ? (
    text
      .trim()
      .split(/\n\s*\n/)
      .map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, never reordered
        <p key={i}>{p}</p>
      ))
  ) : (
    <p className="muted">Not written yet.</p>
  );

/** The one page: goal, hypothesis, right to win, metrics, risks (one-way doors marked), deadline, sign-off. */
export function ContractOnePage({
  contract: c,
  nested = false,
}: {
  contract: TContractVersion;
  nested?: boolean;
}) {
  const who = useActorText();
  const waiting = c.signers.filter((s) => s.signedAt === null);
  const H = nested ? 'h4' : 'h3';
  return (
    <div className="contract-page">
      <p className="muted">
        Version {c.version}, proposed by {who(c.createdBy)} on {formatLocalDate(c.createdOn, true)}.
      </p>
      <H>Goal</H>
      <Paragraphs text={c.goal} />
      <H>Hypothesis</H>
      <Paragraphs text={c.hypothesis} />
      <H>Right to win</H>
      <Paragraphs text={c.rightToWin} />
      <H>Metrics</H>
      {c.metrics.length ? (
        <ul>
          {c.metrics.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of one version, never reordered
            <li key={i}>
              <strong>{m.name}</strong>: {m.target}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Not written yet.</p>
      )}
      <H>Risks</H>
      {c.risks.length ? (
        <ul className="contract-risks">
          {c.risks.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of one version, never reordered
            <li key={i} className={r.oneWayDoor ? 'one-way-door' : undefined}>
              {r.oneWayDoor ? <span className="badge warn">One-way door</span> : null}
              {r.text}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None named.</p>
      )}
      <H>Deadline</H>
      <p>{c.deadline}</p>
      <H>Sign-off</H>
      {c.signers.length === 0 ? <p className="muted">Nobody is named to sign it yet.</p> : null}
      <ul className="plain">
        {bySignature(c.signers).map((s) => (
          <li key={s.personId}>
            <span aria-hidden="true">✓ </span>
            {s.name}, signed on {s.signedOn}
          </li>
        ))}
      </ul>
      {waiting.length ? <p>Not signed yet: {namesText(waiting.map((s) => s.name))}.</p> : null}
    </div>
  );
}

/** Earlier versions, each with how far it got: the history a new version leaves behind. */
export function PreviousVersions({ versions }: { versions: TContractVersion[] }) {
  if (!versions.length) return null;
  return (
    <details className="contract-history">
      <summary>Earlier versions ({versions.length})</summary>
      {versions.map((v) => (
        <section key={v.id} aria-label={`Version ${v.version}`}>
          <h3>Version {v.version}</h3>
          <ContractState state={v.state} contract={v} />
          <ContractOnePage contract={v} nested />
        </section>
      ))}
    </details>
  );
}
