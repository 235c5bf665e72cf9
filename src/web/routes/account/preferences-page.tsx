import { useState } from 'react';
import { Link } from 'react-router';
import {
  type TChannel,
  type TPreferences,
  type TSubscription,
  type TVia,
  ZPreferencesInput,
} from '../../../shared/delivery.ts';
import type { TArea } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { CheckboxField, CheckboxGroup } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { artifactKindLabel, tiersText, VIA_LABELS } from '../../lib/cadence-labels.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import { FUNCTION_LABELS } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { SubscriptionForm } from './subscription-form.tsx';
import { SubscriptionsTable } from './subscriptions-table.tsx';
import './account.css';

const viaOptions = (Object.keys(VIA_LABELS) as TVia[]).map((v) => ({ value: v, label: VIA_LABELS[v] }));

function ViaForm({ prefs, onSaved }: { prefs: TPreferences; onSaved: (p: TPreferences) => void }) {
  const submit = useSubmit();
  const [via, setVia] = useState<TVia[]>(prefs.via);
  const [unsubscribed, setUnsubscribed] = useState(prefs.emailUnsubscribed);
  const [note, setNote] = useState('');
  return (
    <Form
      id="preferences"
      submit={submit}
      label="How notifications reach you"
      onSubmit={async () => {
        setNote('');
        const saved = await deliveryApi.savePreferences(
          validate(ZPreferencesInput, { via, emailUnsubscribed: unsubscribed }),
        );
        setVia(saved.via);
        setUnsubscribed(saved.emailUnsubscribed);
        setNote('Saved.');
        onSaved(saved);
      }}
    >
      <CheckboxGroup<TVia>
        path="via"
        legend="Reach me by"
        options={viaOptions}
        values={via}
        onChange={setVia}
        hint="Slack direct messages need your Slack user id on your person page."
      />
      <CheckboxField
        path="emailUnsubscribed"
        label="Stop all email from prodops (the unsubscribe link in every email sets this)"
        checked={unsubscribed}
        onChange={setUnsubscribed}
      />
      <FormActions submit={submit} note={note} />
    </Form>
  );
}

interface Loaded {
  prefs: TPreferences;
  /** settings.roadmap.moveToleranceDays */
  orgTolerance: number;
  areas: TArea[];
  channels: TChannel[];
  channelSubscriptions: TSubscription[];
}

/** My notification preferences: channels, defaults that come with my function, and my subscriptions. */
export function PreferencesPage() {
  const me = useMe();
  const manager = me.can.manageChannels;
  const [status, setStatus] = useState('');
  const write = useWrite([['preferences']]);
  const data = useLoad<Loaded>(['preferences'], async (signal) => {
    const [prefs, { settings }, areas, channels, all] = await Promise.all([
      deliveryApi.preferences(signal),
      api.settings.get(signal),
      api.areas.all(signal),
      manager ? deliveryApi.channels.all(signal) : Promise.resolve([]),
      manager ? deliveryApi.subscriptions(true, signal) : Promise.resolve({ items: [] }),
    ]);
    return {
      prefs,
      orgTolerance: settings.roadmap.moveToleranceDays,
      areas,
      channels,
      channelSubscriptions: all.items.filter((s) => s.channelId !== null),
    };
  });

  const remove = async (s: TSubscription) => {
    await write(() => deliveryApi.unsubscribe(s.id));
    setStatus(`Removed ${artifactKindLabel(s.kind)}${s.channelName ? ` for ${s.channelName}` : ''}.`);
  };
  const toleranceSaved = (s: TSubscription) => {
    const where = s.channelName ? ` for ${s.channelName}` : '';
    setStatus(
      s.toleranceDays === null
        ? `Roadmap changes${where}: the org's default tolerance.`
        : `Roadmap changes${where}: items moved more than ${s.toleranceDays} days.`,
    );
  };

  return (
    <Page title="Preferences" intro={<p>How prodops notifications reach you, and what you hear about.</p>}>
      <LiveStatus>{status}</LiveStatus>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="your preferences" />
        )
      ) : (
        <>
          <section aria-labelledby="via-heading">
            <h2 id="via-heading">How to reach you</h2>
            <ViaForm prefs={data.data.prefs} onSaved={(prefs) => data.setData({ ...data.data!, prefs })} />
          </section>
          <section aria-labelledby="defaults-heading">
            <h2 id="defaults-heading">What you get by default</h2>
            <p className="section-intro">
              As {FUNCTION_LABELS[me.function]}, you hear about these without subscribing. Opt out of one
              below.
            </p>
            {data.data.prefs.defaults.length === 0 ? (
              <p className="empty">Nothing by default.</p>
            ) : (
              <ul className="defaults">
                {data.data.prefs.defaults.map((d) => (
                  <li key={d.kind}>
                    {artifactKindLabel(d.kind)}
                    {d.kind === 'release' ? <span className="muted"> ({tiersText(d.tiers)})</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="subscriptions-heading">
            <h2 id="subscriptions-heading">Your subscriptions</h2>
            <SubscriptionsTable
              caption="Your subscriptions"
              items={data.data.prefs.subscriptions}
              onRemove={remove}
              orgTolerance={data.data.orgTolerance}
              onToleranceSaved={toleranceSaved}
            />
            <h3>Add a subscription</h3>
            <SubscriptionForm
              areas={data.data.areas}
              channels={data.data.channels}
              orgTolerance={data.data.orgTolerance}
              onAdded={(s) => {
                setStatus(
                  `Added ${artifactKindLabel(s.kind)}${s.channelName ? ` for ${s.channelName}` : ''}.`,
                );
              }}
            />
          </section>
          {manager ? (
            <section aria-labelledby="channel-subscriptions-heading">
              <h2 id="channel-subscriptions-heading">Channel subscriptions</h2>
              <p className="section-intro">
                What Slack channels and email lists receive (Product Ops manages these).{' '}
                <Link to="/channels">Manage channels</Link>
              </p>
              <SubscriptionsTable
                caption="Channel subscriptions"
                items={data.data.channelSubscriptions}
                onRemove={remove}
                showChannel
                orgTolerance={data.data.orgTolerance}
                onToleranceSaved={toleranceSaved}
              />
            </section>
          ) : null}
        </>
      )}
    </Page>
  );
}
