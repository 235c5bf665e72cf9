import { useState } from 'react';
import { Link } from 'react-router';
import type { TDeliveryCounts, TDeliveryGroup } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { CHANNEL_LABELS, messageKindLabel } from '../../lib/cadence-labels.ts';
import { problemFrom } from '../../lib/forms.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { StatusBadge } from './retry-button.tsx';

/** "2 sent, 18 failed": only the parts that are not zero. */
export function countsText(c: TDeliveryCounts): string {
  const parts = [
    c.sent ? `${c.sent} sent` : '',
    c.failed ? `${c.failed} failed` : '',
    c.pending ? `${c.pending} pending` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'none';
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Sends every failed copy of the message again in one request; the answer is the message as it is now. */
function RetryFailed({
  group,
  onRetried,
}: {
  group: TDeliveryGroup;
  onRetried: (g: TDeliveryGroup, n: number) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const r = await deliveryApi.retryMessage({ kind: group.kind, ref: group.ref });
      onRetried(r.group, r.retried);
    } catch (err) {
      setError(problemFrom(err).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button type="button" className="button small" onClick={retry} aria-disabled={pending || undefined}>
        {pending ? 'Retrying…' : `Retry ${group.counts.failed} failed`}
        <span className="visually-hidden">: {group.title}</span>
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

function Recipients({ group }: { group: TDeliveryGroup }) {
  const n = group.recipients.length;
  return (
    <details className="delivery-recipients">
      <summary>
        {n} {n === 1 ? 'recipient' : 'recipients'}
        <span className="visually-hidden"> of {group.title}</span>
      </summary>
      <ul>
        {group.recipients.map((r) => (
          <li key={r.id}>
            <Link to={`/deliveries/${r.id}`}>{r.name}</Link>{' '}
            <span className="muted">({CHANNEL_LABELS[r.channel] ?? r.channel})</span>{' '}
            <StatusBadge status={r.status} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** One message of the log: what it was, when, how each channel did, why copies failed, and who it went to. */
export function MessageGroup({
  group,
  timeZone,
  onRetried,
}: {
  group: TDeliveryGroup;
  timeZone: string;
  onRetried: (g: TDeliveryGroup, n: number) => void;
}) {
  const headingId = `message-${group.kind}-${group.ref}`.replace(/[^A-Za-z0-9_-]/g, '-');
  return (
    <li>
      <article className="delivery-group" aria-labelledby={headingId}>
        <header>
          <h2 id={headingId}>{group.title || messageKindLabel(group.kind)}</h2>
          <p className="muted">
            {messageKindLabel(group.kind)} · queued{' '}
            <time dateTime={group.createdAt}>
              {formatDateTimeIn(group.createdAt, timeZone)} ({timeZone})
            </time>
          </p>
        </header>
        <ul className="delivery-counts" aria-label={`Deliveries of ${group.title} by channel`}>
          {group.channels.map((c) => (
            <li key={c.channel}>
              <strong>{CHANNEL_LABELS[c.channel] ?? c.channel}:</strong> {countsText(c)}
            </li>
          ))}
        </ul>
        {group.failures.length ? (
          <ul className="failure-reasons" aria-label={`Why deliveries of ${group.title} failed`}>
            {group.failures.map((f) => (
              <li key={f.reason} className="error-text">
                {f.count} × {sentence(f.reason)}
              </li>
            ))}
          </ul>
        ) : null}
        {group.counts.failed > 0 ? <RetryFailed group={group} onRetried={onRetried} /> : null}
        <Recipients group={group} />
      </article>
    </li>
  );
}
