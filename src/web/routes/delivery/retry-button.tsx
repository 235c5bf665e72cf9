import { useState } from 'react';
import type { TDeliveryDetail, TDeliveryStatus } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { DELIVERY_STATUS_LABELS } from '../../lib/cadence-labels.ts';
import { problemFrom } from '../../lib/forms.ts';

/** Sends a dead letter again (the API refuses anything else with 409), then lets the page refresh. */
export function RetryButton({
  id,
  title,
  onRetried,
}: {
  id: string;
  title: string;
  onRetried: (d: TDeliveryDetail) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      onRetried(await deliveryApi.retry(id));
    } catch (err) {
      setError(problemFrom(err).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <button type="button" className="button small" onClick={retry} aria-disabled={pending || undefined}>
        {pending ? 'Retrying…' : 'Retry'}
        <span className="visually-hidden"> {title}</span>
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const tone = status === 'sent' ? 'ok' : status === 'dead' ? 'danger' : 'muted';
  const text = status in DELIVERY_STATUS_LABELS ? DELIVERY_STATUS_LABELS[status as TDeliveryStatus] : status;
  return <span className={`badge ${tone} no-margin`}>{text}</span>;
}
