import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TDeliveryChannel, TDeliveryStatus } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS, messageKindLabel } from '../../lib/cadence-labels.ts';
import { formatDateTime } from '../../lib/labels.ts';
import { usePaged } from '../../lib/use-paged.ts';
import { RetryButton, StatusBadge } from './retry-button.tsx';

const STATUSES = Object.keys(DELIVERY_STATUS_LABELS) as TDeliveryStatus[];
const CHANNELS: TDeliveryChannel[] = ['email', 'slack', 'inbox'];

function Filter<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onChange: (value: V | '') => void;
}) {
  return (
    <>
      <label className="filter-label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V | '')}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** Every message prodops sent or tried to send: who, where, how many attempts, and the dead letters to retry. */
export function DeliveriesPage() {
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState('');
  const statusFilter = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as TDeliveryStatus)
    : '';
  const channelFilter = (CHANNELS as string[]).includes(params.get('channel') ?? '')
    ? (params.get('channel') as TDeliveryChannel)
    : '';
  const list = usePaged(`deliveries?${statusFilter}&${channelFilter}`, (cursor, signal) =>
    deliveryApi.deliveries(
      { status: statusFilter || undefined, channel: channelFilter || undefined, limit: 50, cursor },
      signal,
    ),
  );
  const setFilter = (key: 'status' | 'channel', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Delivery log"
      intro={
        <p>
          Every notification, newest first: who it went to, on which channel, and how the attempts went. A
          delivery that failed every attempt is a dead letter: fix the cause (an address, a webhook), then
          retry.
        </p>
      }
    >
      <div className="filters">
        <Filter
          id="delivery-status"
          label="Status"
          value={statusFilter}
          options={STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABELS[s] }))}
          onChange={(v) => setFilter('status', v)}
        />
        <Filter
          id="delivery-channel"
          label="Channel"
          value={channelFilter}
          options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))}
          onChange={(v) => setFilter('channel', v)}
        />
      </div>
      <LiveStatus>{status}</LiveStatus>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.items ? (
        list.error ? null : (
          <Loading what="the delivery log" />
        )
      ) : list.items.length === 0 ? (
        <p className="empty">
          No deliveries{statusFilter || channelFilter ? ' match these filters' : ' yet'}.
        </p>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {list.loading ? 'Loading…' : `${list.items.length}${list.hasMore ? '+' : ''} deliveries`}
          </p>
          <div className="table-wrap">
            <table className="deliveries">
              <caption className="visually-hidden">Deliveries</caption>
              <thead>
                <tr>
                  <th scope="col">Created</th>
                  <th scope="col">Message</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Attempts
                  </th>
                  <th scope="col">Last error</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((d) => (
                  <tr key={d.id}>
                    <td className="when">{formatDateTime(d.createdAt)}</td>
                    <th scope="row">
                      <Link to={`/deliveries/${d.id}`}>{d.title || '(no title)'}</Link>
                      <span className="cell-note">{messageKindLabel(d.kind)}</span>
                    </th>
                    <td>
                      {CHANNEL_LABELS[d.channel] ?? d.channel}:{' '}
                      {d.personName ?? (d.channel === 'inbox' ? '' : d.address)}
                      {d.personName && d.channel !== 'inbox' ? (
                        <span className="cell-note">{d.address}</span>
                      ) : null}
                    </td>
                    <td>
                      <StatusBadge status={d.status} />
                      <span className="cell-note">
                        {d.sentAt
                          ? `sent ${formatDateTime(d.sentAt)}`
                          : d.status === 'pending'
                            ? `next try ${formatDateTime(d.nextAttemptAt)}`
                            : ''}
                      </span>
                    </td>
                    <td className="num">{d.attempts}</td>
                    <td className="error-text">{d.lastError ?? <span className="muted">none</span>}</td>
                    <td>
                      {d.status === 'dead' ? (
                        <RetryButton
                          id={d.id}
                          title={d.title}
                          onRetried={() => {
                            setStatus(`Queued “${d.title}” to ${d.personName ?? d.address} again.`);
                            list.reload();
                          }}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.hasMore ? (
            <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
              {list.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
