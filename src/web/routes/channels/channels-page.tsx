import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TChannel } from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { DeliveryConfigBanner } from '../delivery/config-banner.tsx';
import { ChannelForm } from './channel-form.tsx';
import { ChannelRows } from './channel-rows.tsx';
import './channels.css';

/** C2 delivery: the Slack channels and email lists that receive published artifacts. */
export function ChannelsPage() {
  const me = useMe();
  const data = useLoad<TChannel[]>(['channels'], (signal) => deliveryApi.channels.all(signal));
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const listHeading = useRef<HTMLHeadingElement>(null);

  return (
    <Page
      title="Channels"
      intro={
        <p>
          Slack channels and email lists that receive published artifacts: the weekly update, roadmap changes,
          releases.{' '}
          {me.can.manageChannels ? (
            <>
              Choose what each one receives under{' '}
              <Link to="/account/preferences">Preferences → Channel subscriptions</Link>.
            </>
          ) : (
            'Product Ops manage them and choose what each one receives.'
          )}
        </p>
      }
    >
      <DeliveryConfigBanner />
      {me.can.manageChannels ? (
        <CreatePanel label="Add channel" open={adding} onOpenChange={setAdding}>
          <h2>Add channel</h2>
          <ChannelForm
            onCancel={() => setAdding(false)}
            onSaved={(c) => {
              setAdding(false);
              setStatus(`Added ${c.name}.`);
            }}
          />
        </CreatePanel>
      ) : null}
      <LiveStatus>{status}</LiveStatus>
      <section aria-labelledby="channels-heading">
        <h2 id="channels-heading" ref={listHeading} tabIndex={-1}>
          Slack channels and email lists
        </h2>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
        {!data.data ? (
          data.error ? null : (
            <Loading what="channels" />
          )
        ) : data.data.length === 0 ? (
          <p className="empty">
            No channels yet.
            {me.can.manageChannels ? ' Add one to publish to a Slack channel or an email list.' : ''}
          </p>
        ) : (
          <ChannelRows
            items={data.data}
            onSaved={(saved) => {
              setStatus(`Saved ${saved.name}.`);
            }}
            onDeleted={(deleted) => {
              setStatus(`Deleted ${deleted.name}.`);
              data.setData((data.data ?? []).filter((c) => c.id !== deleted.id));
              listHeading.current?.focus();
            }}
          />
        )}
      </section>
    </Page>
  );
}
