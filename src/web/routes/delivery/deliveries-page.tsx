import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TDeliveryChannel, TDeliveryGroup, TDeliveryStatus } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { CHANNEL_LABELS, DELIVERY_STATUS_LABELS } from '../../lib/cadence-labels.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { usePaged } from '../../lib/use-paged.ts';
import { DeliveryConfigBanner } from './config-banner.tsx';
import './delivery.css';
import { MessageGroup } from './message-group.tsx';

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

/**
 * The delivery log by message: each publication or notification once, with how each channel did, why copies
 * failed (identical reasons counted once), its recipients by name, and one retry for all its failed copies.
 */
export function DeliveriesPage() {
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState('');
  const [replaced, setReplaced] = useState<Record<string, TDeliveryGroup>>({});
  const timeZone = useOrgTimeZone() ?? 'UTC';
  const statusFilter = (STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as TDeliveryStatus)
    : '';
  const channelFilter = (CHANNELS as string[]).includes(params.get('channel') ?? '')
    ? (params.get('channel') as TDeliveryChannel)
    : '';
  const list = usePaged(['delivery', 'messages', statusFilter, channelFilter], (cursor, signal) =>
    deliveryApi.messages(
      { status: statusFilter || undefined, channel: channelFilter || undefined, limit: 25, cursor },
      signal,
    ),
  );
  const setFilter = (key: 'status' | 'channel', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const keyOf = (g: TDeliveryGroup) => `${g.kind}|${g.ref}`;
  const onRetried = (g: TDeliveryGroup, n: number) => {
    setReplaced((r) => ({ ...r, [keyOf(g)]: g }));
    setStatus(
      n
        ? `Queued ${n} failed ${n === 1 ? 'delivery' : 'deliveries'} of “${g.title}” again.`
        : 'Nothing left to retry.',
    );
  };

  return (
    <Page
      title="Delivery log"
      intro={
        <p>
          Every notification, newest first: how many copies each channel sent, which failed and why, and who
          they went to. Fix the cause (a setting, an address, a webhook), then retry the failed ones.
        </p>
      }
    >
      <DeliveryConfigBanner />
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
        <p className="empty">No messages{statusFilter || channelFilter ? ' match these filters' : ' yet'}.</p>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {list.loading ? 'Loading…' : `${list.items.length}${list.hasMore ? '+' : ''} messages`}
          </p>
          <ul className="delivery-groups" aria-label="Messages">
            {list.items.map((g) => (
              <MessageGroup
                key={keyOf(g)}
                group={replaced[keyOf(g)] ?? g}
                timeZone={timeZone}
                onRetried={onRetried}
              />
            ))}
          </ul>
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
