import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TDeliveryDetail } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { CHANNEL_LABELS, DELIVERY_RESULT_LABELS, messageKindLabel } from '../../lib/cadence-labels.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { RetryButton, StatusBadge } from './retry-button.tsx';
import './delivery.css';

/** "Thu 19 Nov 2026, 16:00 (Europe/Berlin)": the org's zone, labelled. */
const at = (iso: string, timeZone: string) => `${formatDateTimeIn(iso, timeZone)} (${timeZone})`;

function DeliveryDetails({ d, timeZone }: { d: TDeliveryDetail; timeZone: string }) {
  return (
    <dl className="details">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={d.status} />
      </dd>
      <dt>About</dt>
      <dd>{messageKindLabel(d.kind)}</dd>
      <dt>Channel</dt>
      <dd>{CHANNEL_LABELS[d.channel] ?? d.channel}</dd>
      <dt>Recipient</dt>
      <dd>
        {d.personId ? (
          <Link to={`/people/${d.personId}`}>{d.personName ?? 'a person'}</Link>
        ) : d.channel !== 'inbox' ? (
          // No person: a channel or a list, known here only by where it posts.
          <span className="mono">{d.address}</span>
        ) : null}
      </dd>
      <dt>Created</dt>
      <dd>{at(d.createdAt, timeZone)}</dd>
      <dt>Attempts</dt>
      <dd>{d.attempts}</dd>
      {d.sentAt ? (
        <>
          <dt>Sent</dt>
          <dd>{at(d.sentAt, timeZone)}</dd>
        </>
      ) : d.status === 'pending' ? (
        <>
          <dt>Next attempt</dt>
          <dd>{at(d.nextAttemptAt, timeZone)}</dd>
        </>
      ) : null}
      {d.lastError ? (
        <>
          <dt>Last error</dt>
          <dd className="error-text">{d.lastError}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** One delivery and every attempt at it, with a retry for a dead letter. */
export function DeliveryPage() {
  const { id = '' } = useParams();
  const data = useLoad(['delivery', id], (signal) => deliveryApi.delivery(id, signal));
  const [status, setStatus] = useState('');
  const timeZone = useOrgTimeZone() ?? 'UTC';

  if (!data.data) {
    return (
      <Page title="Delivery">
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="delivery" />}
        <p>
          <Link to="/deliveries">Back to the delivery log</Link>
        </p>
      </Page>
    );
  }
  const d = data.data;
  return (
    <Page
      title={d.title || 'Delivery'}
      intro={<Link to="/deliveries">← Delivery log</Link>}
      actions={
        d.status === 'dead' ? (
          <RetryButton
            id={d.id}
            title={d.title}
            onRetried={(next) => {
              data.setData(next);
              setStatus('Queued again: the next attempt starts shortly.');
            }}
          />
        ) : null
      }
    >
      <LiveStatus>{status}</LiveStatus>
      <DeliveryDetails d={d} timeZone={timeZone} />
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Attempts</h2>
        {d.log.length === 0 ? (
          <p className="empty">No attempt yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Attempt log, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col" className="num">
                    Attempt
                  </th>
                  <th scope="col">Result</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {d.log.map((l) => (
                  <tr key={l.id}>
                    <td className="when">{at(l.at, timeZone)}</td>
                    <td className="num">{l.attempt}</td>
                    <td>{DELIVERY_RESULT_LABELS[l.result] ?? l.result}</td>
                    <td className="error-text">{l.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
