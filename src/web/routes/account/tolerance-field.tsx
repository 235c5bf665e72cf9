import { useState } from 'react';
import { type TSubscription, ZSubscriptionPatch } from '../../../shared/delivery.ts';
import { request } from '../../api-client.ts';
import { FieldError, useField } from '../../components/form.tsx';
import { problemFrom, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';

export const TOLERANCE_LABEL = 'Tell me when an item moves more than';

/** The box's text as the API's value: empty is null, the org's default. */
export const toleranceFromText = (text: string): number | null => (text.trim() === '' ? null : Number(text));

const toleranceText = (days: number | null) => (days === null ? '' : String(days));

function DaysInput(props: {
  id: string;
  value: string;
  orgDefault: number;
  onChange: (text: string) => void;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    <span className="days-input">
      <input
        id={props.id}
        className="days-number"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        step={1}
        value={props.value}
        placeholder={String(props.orgDefault)}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />{' '}
      days
    </span>
  );
}

/** The roadmap subscription's tolerance inside the "Add a subscription" form (errors by path, like every field). */
export function ToleranceField({
  value,
  orgDefault,
  onChange,
}: {
  value: string;
  orgDefault: number;
  onChange: (text: string) => void;
}) {
  const f = useField('toleranceDays', TOLERANCE_LABEL);
  const hintId = `${f.id}-hint`;
  return (
    <div className={`field${f.error ? ' has-error' : ''}`}>
      <label htmlFor={f.id} className="field-label">
        {TOLERANCE_LABEL}
      </label>
      <p className="field-hint" id={hintId}>
        Empty: the org&apos;s default, {orgDefault} days. Smaller moves wait for the published view.
      </p>
      <DaysInput
        id={f.id}
        value={value}
        orgDefault={orgDefault}
        onChange={onChange}
        describedBy={[hintId, f.error ? f.errorId : ''].filter(Boolean).join(' ')}
        invalid={Boolean(f.error)}
      />
      <FieldError id={f.errorId} error={f.error} />
    </div>
  );
}

/** Change an existing roadmap subscription's tolerance in its table row (PATCH /subscriptions/:id). */
export function ToleranceEditor({
  s,
  orgDefault,
  onSaved,
}: {
  s: TSubscription;
  orgDefault: number;
  onSaved: (s: TSubscription) => void;
}) {
  const [text, setText] = useState(toleranceText(s.toleranceDays));
  const [pending, setPending] = useState(false);
  const write = useWrite([['preferences']]);
  const [error, setError] = useState<string | null>(null);
  const id = `tolerance-${s.id}`;
  // Names the row, so each box and button has a name of its own.
  const what = [s.areaName ?? 'every area', s.channelName].filter(Boolean).join(', ');
  const save = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const body = validate(ZSubscriptionPatch, { toleranceDays: toleranceFromText(text) });
      const saved = await write(() =>
        request<TSubscription>(`/subscriptions/${encodeURIComponent(s.id)}`, { method: 'PATCH', body }),
      );
      setText(toleranceText(saved.toleranceDays));
      onSaved(saved);
    } catch (err) {
      const p = problemFrom(err);
      setError(p.fields.length ? p.fields.map((x) => x.message).join('; ') : p.message);
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="tolerance-editor">
      <label htmlFor={id} className="visually-hidden">
        {TOLERANCE_LABEL} ({what})
      </label>
      <span className="muted">More than </span>
      <DaysInput
        id={id}
        value={text}
        orgDefault={orgDefault}
        onChange={setText}
        invalid={Boolean(error)}
        describedBy={error ? `${id}-error` : undefined}
      />{' '}
      <button type="button" className="button small" aria-disabled={pending || undefined} onClick={save}>
        Save<span className="visually-hidden"> tolerance ({what})</span>
      </button>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
