import { useRef, useState } from 'react';
import { isOverridable } from '../../../domain/releases/gate.ts';
import {
  MAX_OVERRIDE_DAYS,
  type TGate,
  type TGateOverride,
  type TReleaseDetail,
  ZGateOverrideInput,
} from '../../../shared/release-detail.ts';
import { releasesApi } from '../../api-releases.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { now } from '../../lib/clock.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { overrideText, untilBounds, untilInstant } from '../../lib/gate-overrides.ts';
import { RELEASE_CHANGES } from '../../lib/query-keys.ts';
import { timeIn } from '../../lib/release-flow.ts';
import { useWrite } from '../../lib/use-write.ts';
import { Fold } from './release-fold.tsx';

/** What a pipeline runs before deploying: the CLI exits 1 when not ready, `jq -e` does the same for the API. */
export function ciSnippet(releaseId: string, origin: string): string {
  return [
    '# PRODOPS_TOKEN: an API token (API tokens, top right), kept as a CI secret',
    `PRODOPS_URL=${origin} prodops release gate ${releaseId}`,
    '# or, without the CLI:',
    `curl -fsS -H "Authorization: Bearer $PRODOPS_TOKEN" ${origin}/api/v1/releases/${releaseId}/gate | jq -e .ready`,
  ].join('\n');
}

function CiSnippet({ releaseId }: { releaseId: string }) {
  const text = ciSnippet(releaseId, window.location.origin);
  const area = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied.');
    } catch {
      area.current?.select();
      setStatus('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
    }
  };
  return (
    <div className="ci-snippet">
      <label htmlFor="gate-ci" className="field-label">
        In CI/CD, before deploying
      </label>
      <textarea
        id="gate-ci"
        ref={area}
        readOnly
        className="mono"
        rows={5}
        value={text}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="button small" onClick={copy}>
        Copy<span className="visually-hidden"> the CI snippet</span>
      </button>{' '}
      <span className="form-status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}

type GateCheck = TGate['checks'][number];

function OverrideForm({
  releaseId,
  check,
  timeZone,
}: {
  releaseId: string;
  check: GateCheck;
  timeZone: string;
}) {
  const write = useWrite(RELEASE_CHANGES);
  const submit = useSubmit();
  const bounds = untilBounds(now(), timeZone);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState(bounds.suggested);
  return (
    <Form
      id={`override-${check.id}`}
      label={`Override: ${check.label}`}
      className="form override-form"
      submit={submit}
      onSubmit={async () => {
        const expiresAt = untilInstant(until, timeZone);
        const body = validate(ZGateOverrideInput, { checkId: check.id, reason, expiresAt });
        await write(() => releasesApi.override(releaseId, body));
      }}
    >
      <TextField
        path="reason"
        label="Why it may ship without this"
        multiline
        required
        value={reason}
        onChange={setReason}
      />
      <TextField
        path="expiresAt"
        label={`Until (the end of that day, ${timeZone})`}
        hint={`At most ${MAX_OVERRIDE_DAYS} days ahead; after that day the check blocks again.`}
        type="date"
        required
        value={until}
        onChange={setUntil}
      />
      <FormActions submit={submit} label="Override" pendingText="Overriding…" />
    </Form>
  );
}

interface RowProps {
  check: GateCheck;
  /** The active override of this check, if any (the release page's list has its id for revoking). */
  active: TGateOverride | undefined;
  mayOverride: boolean;
  releaseId: string;
  timeZone: string;
}

function markOf(c: GateCheck): [string, string] {
  if (c.overridden) return ['!', 'Overridden: '];
  return c.ok ? ['✓', 'Met: '] : ['✗', 'Not met: '];
}

function GateCheckRow({ check: c, active, mayOverride, releaseId, timeZone }: RowProps) {
  const write = useWrite(RELEASE_CHANGES);
  const [open, setOpen] = useState(false);
  const [mark, said] = markOf(c);
  const offerOverride = mayOverride && !c.ok && isOverridable(c.id);
  return (
    <li className={c.overridden ? 'check overridden' : c.ok ? 'check ok' : 'check'}>
      <span aria-hidden="true">{mark}</span> <span className="visually-hidden">{said}</span>
      {c.label}
      {c.reasons.length ? (
        <ul className="gate-reasons">
          {c.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
      {c.overridden ? <p className="gate-override">{overrideText(c.overridden, timeZone)}</p> : null}
      {mayOverride && active ? (
        <ActionButton
          small
          pendingText="Revoking…"
          run={async () => {
            await write(() => releasesApi.revokeOverride(releaseId, active.id));
          }}
        >
          Revoke override<span className="visually-hidden"> of {c.label}</span>
        </ActionButton>
      ) : null}
      {offerOverride ? (
        <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen(!open)}>
          Override…<span className="visually-hidden"> {c.label}</span>
        </button>
      ) : null}
      {offerOverride && open ? <OverrideForm releaseId={releaseId} check={c} timeZone={timeZone} /> : null}
    </li>
  );
}

/** Overrides that ended (revoked, expired or replaced): the log the SPEC asks for, on the page. */
function PastOverrides({ overrides, timeZone }: { overrides: TGateOverride[]; timeZone: string }) {
  if (!overrides.length) return null;
  return (
    <details className="gate-override-log">
      <summary>Earlier overrides ({overrides.length})</summary>
      <ul className="plain">
        {overrides.map((o) => (
          <li key={o.id}>
            <strong>{o.checkLabel}</strong>: {overrideText(o, timeZone)}
            <span className="muted">
              {' '}
              ·{' '}
              {o.revokedAt
                ? `revoked by ${o.revokedBy ?? 'someone'} ${timeIn(o.revokedAt, timeZone)}`
                : 'expired'}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * The release gate as the API answers it: ready, or each unmet requirement in plain words; a check the Head of
 * Product overrode says by whom, until when and why, and they can override a failing check or revoke.
 */
export function GateSection({
  detail,
  timeZone,
  line,
}: {
  detail: TReleaseDetail;
  timeZone: string;
  line: string;
}) {
  const gate = detail.gate;
  const active = new Map(detail.overrides.filter((o) => o.active).map((o) => [o.checkId, o]));
  return (
    <Fold id="gate" title="Release gate" line={line} className="gate">
      <p className={`gate-verdict ${gate.ready ? 'ready' : 'blocked'}`} role="status">
        {gate.ready ? 'Ready to ship' : 'Not ready to ship'}
      </p>
      <ul className="checklist" aria-label="Gate checks">
        {gate.checks.map((c) => (
          <GateCheckRow
            key={c.id}
            check={c}
            active={active.get(c.id)}
            mayOverride={detail.permissions.override}
            releaseId={gate.releaseId}
            timeZone={timeZone}
          />
        ))}
      </ul>
      <PastOverrides overrides={detail.overrides.filter((o) => !o.active)} timeZone={timeZone} />
      <CiSnippet releaseId={gate.releaseId} />
    </Fold>
  );
}
