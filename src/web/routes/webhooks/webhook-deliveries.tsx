import type { TWebhook, TWebhookDelivery } from '../../../shared/webhooks.ts';
import { webhooksApi } from '../../api-webhooks.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { DELIVERY_RESULT_LABELS } from '../../lib/cadence-labels.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { StatusBadge } from '../delivery/retry-button.tsx';

const at = (iso: string, timeZone: string) => `${formatDateTimeIn(iso, timeZone)} (${timeZone})`;

function lastAttempt(d: TWebhookDelivery): string {
  const l = d.log.at(-1);
  if (!l) return 'Not tried yet';
  return `${DELIVERY_RESULT_LABELS[l.result] ?? l.result}${l.detail ? `: ${l.detail}` : ''}`;
}

/** A subscription's latest deliveries with their state, each replayable. */
export function WebhookDeliveries({
  hook,
  timeZone,
  version,
  onReplayed,
}: {
  hook: TWebhook;
  timeZone: string;
  /** Bumped by the page after a test or replay, so the list reads again. */
  version: number;
  onReplayed: (d: TWebhookDelivery) => void;
}) {
  const data = useLoad(['webhooks', 'deliveries', hook.id, version], (signal) =>
    webhooksApi.deliveries(hook.id, signal),
  );
  if (data.error) return <LoadError error={data.error} retry={data.reload} />;
  if (!data.data) return <Loading what="deliveries" />;
  if (!data.data.items.length) return <p className="empty">Nothing sent yet. Send a test to try the URL.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Latest deliveries to {hook.description || hook.url}</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Queued</th>
          <th scope="col">State</th>
          <th scope="col">Last attempt</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {data.data.items.map((d) => (
          <tr key={d.id}>
            <td>
              {d.title}
              {d.replayOf ? <span className="muted"> (replay)</span> : null}
            </td>
            <td className="when">{at(d.createdAt, timeZone)}</td>
            <td>
              <StatusBadge status={d.status} />
            </td>
            <td>{lastAttempt(d)}</td>
            <td>
              <ActionButton
                small
                pendingText="Queueing…"
                run={async () => onReplayed(await webhooksApi.replay(hook.id, d.id))}
              >
                Replay<span className="visually-hidden"> {d.title}</span>
              </ActionButton>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
