import { useState } from 'react';
import { Link } from 'react-router';
import type {
  TSyncResult,
  TTrackerConnection,
  TTrackerDifference,
  TTrackerKind,
} from '../../../shared/trackers.ts';
import { trackersApi } from '../../api-trackers.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { plural } from '../../lib/labels.ts';
import { TRACKER_CHANGES, TRACKER_SYNC_CHANGES } from '../../lib/query-keys.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useFormatInstant } from '../../lib/use-org-time-zone.ts';
import { useWrite } from '../../lib/use-write.ts';
import { TrackerForm } from './tracker-form.tsx';
import { TRACKER_WORDS } from './tracker-words.ts';

/** A sync's outcome in words: what was pulled, and what failed. */
export function syncResultText(r: TSyncResult): string {
  const pulled = `Synced ${plural(r.links, 'link')}: ${plural(r.differences, 'new difference')}, ${plural(r.bugs, 'bug')}, ${plural(r.feedback, 'feedback item')}.`;
  const failed = r.errors.length ? ` Problems: ${r.errors.join('; ')}.` : '';
  return pulled + failed;
}

/** The facts anyone in the product org reads: connected, where to point the webhook, the last sync. */
function ConnectionFacts({ kind, c }: { kind: TTrackerKind; c: TTrackerConnection }) {
  const formatInstant = useFormatInstant();
  const words = TRACKER_WORDS[kind];
  return (
    <dl className="details">
      <dt>Status</dt>
      <dd>
        <span className={`badge no-margin ${c.connected ? 'ok' : 'muted'}`}>
          {c.connected ? 'Connected' : 'Not connected'}
        </span>
      </dd>
      <dt>Webhook URL</dt>
      <dd>
        <code className="tracker-url">{`${window.location.origin}${c.webhookPath}`}</code>
        <span className="field-hint">{words.webhookHint}</span>
      </dd>
      <dt>Last sync</dt>
      <dd>{c.lastSyncAt ? formatInstant(c.lastSyncAt) : 'Never'}</dd>
      <dt>Last sync error</dt>
      <dd>{c.lastSyncError ? <span className="error-text">{c.lastSyncError}</span> : 'None'}</dd>
    </dl>
  );
}

/** The connection's settings as a reader sees them: the secrets only as set or not. */
function ConnectionView({ kind, c }: { kind: TTrackerKind; c: TTrackerConnection }) {
  const words = TRACKER_WORDS[kind];
  return (
    <dl className="details">
      <dt>API address</dt>
      <dd>{c.apiUrl || 'Not set'}</dd>
      <dt>{words.tokenLabel}</dt>
      <dd>{c.token === 'set' ? 'Set' : 'Not set'}</dd>
      <dt>Webhook secret</dt>
      <dd>{c.webhookSecret === 'set' ? 'Set' : 'Not set'}</dd>
      <dt>{words.bugLabel}</dt>
      <dd>{c.bugLabel}</dd>
      <dt>Customer feedback label</dt>
      <dd>{c.feedbackLabel}</dd>
    </dl>
  );
}

function SyncNow({ kind }: { kind: TTrackerKind }) {
  const write = useWrite(TRACKER_SYNC_CHANGES);
  const [result, setResult] = useState('');
  return (
    <div className="tracker-sync">
      <ActionButton
        pendingText="Syncing…"
        run={async () => {
          setResult('');
          setResult(syncResultText(await write(() => trackersApi.sync(kind))));
        }}
      >
        Sync now<span className="visually-hidden"> with {TRACKER_WORDS[kind].name}</span>
      </ActionButton>
      <p className="tracker-sync-result" role="status">
        {result}
      </p>
    </div>
  );
}

const subjectPath = (d: TTrackerDifference) =>
  d.subject.type === 'release' ? `/releases/${d.subject.id}` : `/roadmap/items/${d.subject.id}`;

function Differences({ kind, canAcknowledge }: { kind: TTrackerKind; canAcknowledge: boolean }) {
  const data = useLoad(['trackers', 'differences', kind], (signal) => trackersApi.differences(kind, signal));
  const write = useWrite(TRACKER_CHANGES);
  const formatInstant = useFormatInstant();
  const name = TRACKER_WORDS[kind].name;
  return (
    <section aria-labelledby={`differences-${kind}`}>
      <h3 id={`differences-${kind}`}>Open differences with {name}</h3>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? null : data.data.differences.length === 0 ? (
        <p className="empty">None: {name} and prodops agree.</p>
      ) : (
        <ul className="tracker-differences">
          {data.data.differences.map((d) => (
            <li key={d.id}>
              <p>
                <Link to={subjectPath(d)}>{d.subject.title}</Link>: {d.text}.
              </p>
              <p className="muted">Found {formatInstant(d.detectedAt)}</p>
              {canAcknowledge ? (
                <ActionButton
                  small
                  run={() => write(() => trackersApi.acknowledge(kind, d.id)).then(() => {})}
                >
                  Acknowledge
                  <span className="visually-hidden"> the difference on {d.subject.title}</span>
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One tracker on Settings → Trackers: its facts, its settings (a form for Product Ops), sync and differences. */
export function TrackerSection({ kind }: { kind: TTrackerKind }) {
  const data = useLoad(['trackers', 'connection', kind], (signal) => trackersApi.connection(kind, signal));
  const name = TRACKER_WORDS[kind].name;
  const c = data.data;
  return (
    <section aria-labelledby={`tracker-${kind}-heading`} className="settings-section tracker-section">
      <h2 id={`tracker-${kind}-heading`}>{name}</h2>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!c ? (
        data.error ? null : (
          <Loading what={`the ${name} connection`} />
        )
      ) : (
        <>
          <ConnectionFacts kind={kind} c={c} />
          {c.permissions.update ? (
            <>
              <TrackerForm kind={kind} connection={c} />
              {c.connected ? <SyncNow kind={kind} /> : null}
            </>
          ) : (
            <ConnectionView kind={kind} c={c} />
          )}
          <Differences kind={kind} canAcknowledge={c.permissions.update} />
        </>
      )}
    </section>
  );
}
