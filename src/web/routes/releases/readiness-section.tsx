import { useState } from 'react';
import { Link } from 'react-router';
import { SIGNOFF_KINDS, type SignOffKind } from '../../../domain/releases/gate.ts';
import type { TReleaseDetail, TSignOff } from '../../../shared/release-detail.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { releasesApi } from '../../api-releases.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { RELEASE_CHANGES } from '../../lib/query-keys.ts';
import { timeIn } from '../../lib/release-flow.ts';
import { SIGN_OFF_LABELS } from '../../lib/release-labels.ts';
import { useWrite } from '../../lib/use-write.ts';
import { Fold } from './release-fold.tsx';

/** The sign-offs the release's tier needs (training when the tier holds a session), in a fixed order. */
export function requiredSignOffs(settings: TSettings, tier: number | null): SignOffKind[] {
  if (tier !== 1 && tier !== 2 && tier !== 3) return [];
  const rule = settings.tiers[`tier${tier}`];
  const kinds = new Set<SignOffKind>(rule.signOffs);
  if (rule.trainingSession) kinds.add('training');
  return SIGNOFF_KINDS.filter((k) => kinds.has(k));
}

function ConfirmForm({ releaseId, kind }: { releaseId: string; kind: SignOffKind }) {
  const write = useWrite(RELEASE_CHANGES);
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const id = `sign-off-note-${kind}`;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          await write(() => releasesApi.signOff(releaseId, kind, note.trim() || undefined));
        });
      }}
    >
      <label htmlFor={id}>
        Note<span className="visually-hidden"> for {SIGN_OFF_LABELS[kind]}</span> (optional)
      </label>
      <input id={id} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button small" aria-disabled={submit.pending || undefined}>
        Confirm<span className="visually-hidden"> {SIGN_OFF_LABELS[kind]}</span>
      </button>
      <span className="form-status" aria-live="polite">
        {submit.pending ? 'Confirming…' : ''}
      </span>
      {submit.problem ? (
        <p className="field-error" role="alert">
          {submit.problem.message}
        </p>
      ) : null}
    </form>
  );
}

function SignOffRow({
  kind,
  required,
  signOff,
  detail,
  timeZone,
}: {
  kind: SignOffKind;
  required: boolean;
  signOff: TSignOff | undefined;
  detail: TReleaseDetail;
  timeZone: string;
}) {
  const write = useWrite(RELEASE_CHANGES);
  const may = detail.permissions.confirm[kind];
  const label = SIGN_OFF_LABELS[kind];
  const notReady = signOff?.ready === false;
  return (
    <li className={signOff && !notReady ? 'check ok' : 'check'}>
      <span aria-hidden="true">{signOff ? (notReady ? '✗' : '✓') : '○'}</span> <strong>{label}</strong>
      {required ? null : <span className="muted"> (not required for this tier)</span>}
      {signOff ? (
        <>
          {' '}
          <span>
            {notReady ? 'not ready, said' : 'confirmed'} by {signOff.by}, {timeIn(signOff.at, timeZone)}
          </span>
          {signOff.note ? <span className="cell-note">“{signOff.note}”</span> : null}
          {may ? (
            <ActionButton
              small
              pendingText="Withdrawing…"
              run={async () => {
                await write(() => releasesApi.withdraw(detail.release.id, kind));
              }}
            >
              Withdraw<span className="visually-hidden"> {label}</span>
            </ActionButton>
          ) : null}
        </>
      ) : (
        <>
          {' '}
          <span className="muted">not yet</span>
          {may ? <ConfirmForm releaseId={detail.release.id} kind={kind} /> : null}
        </>
      )}
    </li>
  );
}

/** Pack §6: Support and Sales confirm readiness, Eng monitoring and rollback, Product Ops the training. */
export function ReadinessSection({
  detail,
  settings,
  line,
}: {
  detail: TReleaseDetail;
  settings: TSettings;
  line: string;
}) {
  const required = requiredSignOffs(settings, detail.release.tier);
  const extra = detail.signOffs.filter((s) => !required.includes(s.kind)).map((s) => s.kind);
  const kinds = [...required, ...extra];
  const check = detail.readinessCheck;
  return (
    <Fold id="readiness" title="Readiness" line={line}>
      {check ? (
        <p>
          Launch Readiness Check:{' '}
          <Link to={`/cadence/occurrences/${check.occurrenceId}`}>
            {timeIn(check.startsAt, settings.timeZone)}
          </Link>{' '}
          <span className="muted">({check.status})</span>
        </p>
      ) : null}
      {kinds.length === 0 ? (
        <p className="muted">This tier needs no readiness sign-off.</p>
      ) : (
        <ul className="checklist sign-offs" aria-label="Sign-offs">
          {kinds.map((kind) => (
            <SignOffRow
              key={kind}
              kind={kind}
              required={required.includes(kind)}
              signOff={detail.signOffs.find((s) => s.kind === kind)}
              detail={detail}
              timeZone={settings.timeZone}
            />
          ))}
        </ul>
      )}
    </Fold>
  );
}
