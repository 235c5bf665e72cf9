import { useState } from 'react';
import { type TWebhook, type TWebhookWithSecret, WEBHOOK_EVENT_LABELS } from '../../../shared/webhooks.ts';
import { webhooksApi } from '../../api-webhooks.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { CreatePanel } from '../../components/create-panel.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { WebhookDeliveries } from './webhook-deliveries.tsx';
import { SecretOnce, WebhookForm } from './webhook-form.tsx';
import './webhooks.css';

const nameOf = (h: TWebhook) => h.description || h.url;

function WebhookCard({
  hook,
  timeZone,
  onChanged,
  onSecret,
  onDeleted,
}: {
  hook: TWebhook;
  timeZone: string;
  onChanged: (h: TWebhook, status: string) => void;
  onSecret: (h: TWebhookWithSecret) => void;
  onDeleted: (h: TWebhook) => void;
}) {
  const [version, setVersion] = useState(0);
  return (
    <li className="card">
      <h3>{nameOf(hook)}</h3>
      <p>
        <code>{hook.url}</code> {hook.active ? null : <span className="badge muted">Paused</span>}
      </p>
      <ul>
        {hook.events.map((e) => (
          <li key={e}>{WEBHOOK_EVENT_LABELS[e]}</li>
        ))}
      </ul>
      <p className="muted">Added by {hook.createdBy ?? 'someone no longer here'}</p>
      <div className="row-actions">
        <ActionButton
          pendingText="Sending…"
          doneText="Test queued."
          run={async () => {
            await webhooksApi.ping(hook.id);
            setVersion((v) => v + 1);
          }}
        >
          Send a test
        </ActionButton>
        <ActionButton
          run={async () =>
            onChanged(
              await webhooksApi.update(hook.id, { active: !hook.active }),
              hook.active ? 'Paused.' : 'Resumed.',
            )
          }
        >
          {hook.active ? 'Pause' : 'Resume'}
        </ActionButton>
        <ActionButton run={async () => onSecret(await webhooksApi.rotate(hook.id))}>
          Rotate secret
        </ActionButton>
        <DeleteButton
          what={nameOf(hook)}
          onDelete={async () => {
            await webhooksApi.remove(hook.id);
            onDeleted(hook);
          }}
        />
      </div>
      <h4>Latest deliveries</h4>
      <WebhookDeliveries
        hook={hook}
        timeZone={timeZone}
        version={version}
        onReplayed={() => setVersion((v) => v + 1)}
      />
    </li>
  );
}

/** Issue 18: outbound webhooks — URLs that hear about publications, releases, decisions and Polish Mode. */
export function WebhooksPage() {
  const data = useLoad<TWebhook[]>(['webhooks', 'list'], (signal) => webhooksApi.all(signal));
  const timeZone = useOrgTimeZone() ?? 'UTC';
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<TWebhookWithSecret | null>(null);
  const [status, setStatus] = useState('');
  const replace = (h: TWebhook) => data.setData((data.data ?? []).map((x) => (x.id === h.id ? h : x)));
  return (
    <Page
      title="Webhooks"
      intro={
        <p>
          Other systems hear about prodops here: each event is POSTed as JSON to the URL, signed with the
          subscription's secret (HMAC-SHA256 in <code>X-Prodops-Signature-256</code>), retried until it is
          answered with a 2xx, and kept in the deliveries below.
        </p>
      }
    >
      {secret ? <SecretOnce hook={secret} onDone={() => setSecret(null)} /> : null}
      <CreatePanel label="Add webhook" open={adding} onOpenChange={setAdding}>
        <h2>Add webhook</h2>
        <WebhookForm
          onCancel={() => setAdding(false)}
          onCreated={(h) => {
            setAdding(false);
            setSecret(h);
            setStatus(`Added ${nameOf(h)}.`);
            data.reload();
          }}
        />
      </CreatePanel>
      <LiveStatus>{status}</LiveStatus>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Subscriptions</h2>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
        {!data.data ? (
          data.error ? null : (
            <Loading what="webhooks" />
          )
        ) : data.data.length === 0 ? (
          <p className="empty">No webhooks yet. Add one to send events to another system.</p>
        ) : (
          <ul className="webhook-list">
            {data.data.map((h) => (
              <WebhookCard
                key={h.id}
                hook={h}
                timeZone={timeZone}
                onChanged={(changed, s) => {
                  replace(changed);
                  setStatus(`${nameOf(changed)}: ${s}`);
                }}
                onSecret={(h2) => {
                  setSecret(h2);
                  setStatus(`New secret for ${nameOf(h2)}.`);
                }}
                onDeleted={(gone) => {
                  setStatus(`Deleted ${nameOf(gone)}.`);
                  data.setData((data.data ?? []).filter((x) => x.id !== gone.id));
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
