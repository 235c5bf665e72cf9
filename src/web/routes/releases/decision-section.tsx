import { useState } from 'react';
import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { DECISIONS, ZDecisionInput } from '../../../shared/releases.ts';
import { releasesApi } from '../../api-releases.ts';
import { TextField } from '../../components/fields.tsx';
import { FieldError, Form, FormActions, useField } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { RELEASE_AND_ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { timeIn } from '../../lib/release-flow.ts';
import { DECISION_LABELS } from '../../lib/release-labels.ts';
import { useWrite } from '../../lib/use-write.ts';
import { Fold } from './release-fold.tsx';

type Choice = (typeof DECISIONS)[number];

function DecisionRadios({ value, onChange }: { value: Choice | ''; onChange: (d: Choice) => void }) {
  const f = useField('decision', 'Decision');
  return (
    <fieldset className="field toggle-radios" id={f.id} tabIndex={-1}>
      <legend>Decision</legend>
      {DECISIONS.map((d) => (
        <span className="radio" key={d}>
          <input
            type="radio"
            id={`${f.id}-${d}`}
            name="decision"
            checked={value === d}
            onChange={() => onChange(d)}
          />
          <label htmlFor={`${f.id}-${d}`}>{DECISION_LABELS[d]}</label>
        </span>
      ))}
      <FieldError id={f.errorId} error={f.error} />
    </fieldset>
  );
}

function DecisionForm({ releaseId }: { releaseId: string }) {
  const write = useWrite(RELEASE_AND_ROADMAP_CHANGES);
  const submit = useSubmit();
  const [decision, setDecision] = useState<Choice | ''>('');
  const [reason, setReason] = useState('');
  const [newTargetDate, setNewTargetDate] = useState('');
  const [note, setNote] = useState('');
  return (
    <Form
      id="decision"
      label="Record the go/no-go decision"
      submit={submit}
      onSubmit={async () => {
        const body = validate(ZDecisionInput, {
          decision,
          reason,
          ...(decision === 'delay' ? { newTargetDate } : {}),
        });
        await write(() => releasesApi.decide(releaseId, body));
        setNote(`Recorded: ${DECISION_LABELS[body.decision].toLowerCase()}.`);
        setReason('');
      }}
    >
      <DecisionRadios value={decision} onChange={setDecision} />
      <TextField path="reason" label="Why" multiline required value={reason} onChange={setReason} />
      {decision === 'delay' ? (
        <TextField
          path="newTargetDate"
          label="New target launch date"
          type="date"
          required
          value={newTargetDate}
          onChange={setNewTargetDate}
        />
      ) : null}
      <FormActions submit={submit} label="Record decision" pendingText="Recording…" note={note} />
    </Form>
  );
}

/** Ship / hold / delay with who and why (the PM decides); a delay moves the launch and every deadline. */
export function DecisionSection({
  detail,
  timeZone,
  line,
}: {
  detail: TReleaseDetail;
  timeZone: string;
  line: string;
}) {
  const r = detail.release;
  const open = r.status !== 'launched' && r.status !== 'rolled_back';
  return (
    <Fold id="decision" title="Go/no-go" line={line}>
      {detail.permissions.update && open ? <DecisionForm releaseId={r.id} /> : null}
      {detail.decisions.length === 0 ? (
        <p className="muted">No decision recorded yet.</p>
      ) : (
        <ol className="plain decisions" aria-label="Decisions, newest first">
          {detail.decisions.map((d) => (
            <li key={d.id}>
              <strong>{DECISION_LABELS[d.decision]}</strong> by {d.by}{' '}
              <span className="muted">{timeIn(d.at, timeZone)}</span>
              {d.newTargetDate ? <> · new date {formatLocalDate(d.newTargetDate, true)}</> : null}
              <span className="cell-note">{d.reason}</span>
            </li>
          ))}
        </ol>
      )}
    </Fold>
  );
}
