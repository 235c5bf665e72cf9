import { useState } from 'react';
import {
  type TChannel,
  type TChannelInput,
  type TChannelPatch,
  ZChannelInput,
  ZChannelPatch,
} from '../../../shared/delivery.ts';
import { deliveryApi } from '../../api-delivery.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { CHANNEL_KIND_LABELS } from '../../lib/cadence-labels.ts';
import { InvalidInput, useSubmit, validate } from '../../lib/forms.ts';
import { useWrite } from '../../lib/use-write.ts';

type ChannelKind = TChannel['kind'];

/** How a Slack channel is posted to: its incoming webhook, or the bot token with the channel's id. */
type Method = 'webhook' | 'bot';

interface Values {
  kind: ChannelKind;
  name: string;
  method: Method;
  webhookUrl: string;
  slackChannelId: string;
  email: string;
}

const kindOptions = (Object.keys(CHANNEL_KIND_LABELS) as ChannelKind[]).map((k) => ({
  value: k,
  label: CHANNEL_KIND_LABELS[k],
}));
const methodOptions = [
  { value: 'webhook', label: 'Incoming webhook' },
  { value: 'bot', label: 'Bot token, to a channel id' },
] as const;

/** The webhook URL is a secret the API never returns: the field starts empty even when editing. */
function initialValues(channel: TChannel | undefined): Values {
  return {
    kind: channel?.kind ?? 'slack',
    name: channel?.name ?? '',
    method: channel && !channel.webhookHost && channel.slackChannelId ? 'bot' : 'webhook',
    webhookUrl: '',
    slackChannelId: channel?.slackChannelId ?? '',
    email: channel?.email ?? '',
  };
}

/** The new channel in the API's shape: only the fields its kind (and way of posting) uses. */
function inputOf(v: Values): TChannelInput {
  const name = v.name.trim();
  if (v.kind === 'email_list') return { kind: v.kind, name, email: v.email.trim() };
  return v.method === 'webhook'
    ? { kind: v.kind, name, webhookUrl: v.webhookUrl.trim() }
    : { kind: v.kind, name, slackChannelId: v.slackChannelId.trim() };
}

/** The fields the form shows for these values: the schema's problems with hidden ones would point nowhere. */
function shownPaths(v: Values): string[] {
  if (v.kind === 'email_list') return ['kind', 'name', 'email'];
  return ['kind', 'name', v.method === 'webhook' ? 'webhookUrl' : 'slackChannelId'];
}

function validInput(v: Values): TChannelInput {
  try {
    return validate(ZChannelInput, inputOf(v));
  } catch (err) {
    if (!(err instanceof InvalidInput)) throw err;
    const shown = shownPaths(v);
    throw new InvalidInput(err.fields.filter((f) => shown.includes(f.path)));
  }
}

/** What changed; a webhook URL only when one was typed, and switching the way of posting clears the other. */
function patchOf(channel: TChannel, v: Values): TChannelPatch {
  const patch: TChannelPatch = {};
  const name = v.name.trim();
  if (name !== channel.name) patch.name = name;
  if (channel.kind === 'email_list') {
    if (v.email.trim() !== (channel.email ?? '')) patch.email = v.email.trim();
    return patch;
  }
  const url = v.webhookUrl.trim();
  if (v.method === 'webhook') {
    if (url) patch.webhookUrl = url;
    if (!channel.webhookHost) {
      if (!url) throw new InvalidInput([{ path: 'webhookUrl', message: 'is required' }]);
      if (channel.slackChannelId) patch.slackChannelId = null;
    }
    return patch;
  }
  const channelId = v.slackChannelId.trim();
  if (!channelId) throw new InvalidInput([{ path: 'slackChannelId', message: 'is required' }]);
  if (channelId !== (channel.slackChannelId ?? '')) patch.slackChannelId = channelId;
  if (channel.webhookHost) patch.webhookUrl = null;
  return patch;
}

interface Props {
  /** Edit this channel; absent: add one. */
  channel?: TChannel;
  onSaved: (channel: TChannel) => void;
  onCancel?: () => void;
}

/** Add or edit a Slack channel or an email list; the kind is chosen when adding and fixed afterwards. */
export function ChannelForm({ channel, onSaved, onCancel }: Props) {
  const submit = useSubmit();
  const write = useWrite([['channels'], ['preferences']]);
  const [values, setValues] = useState<Values>(() => initialValues(channel));
  const [note, setNote] = useState('');
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const onSubmit = async () => {
    setNote('');
    if (!channel) {
      const created = await write(() => deliveryApi.channels.create(validInput(values)));
      setValues(initialValues(undefined));
      onSaved(created);
      return;
    }
    const patch = patchOf(channel, values);
    if (Object.keys(patch).length === 0) {
      setNote('Nothing changed.');
      return;
    }
    onSaved(await write(() => deliveryApi.channels.update(channel.id, validate(ZChannelPatch, patch))));
  };

  const slack = values.kind === 'slack';
  const keepsWebhook = Boolean(channel?.webhookHost);
  return (
    <Form
      id={channel ? `channel-edit-${channel.id}` : 'channel-new'}
      submit={submit}
      onSubmit={onSubmit}
      label={channel ? `Edit ${channel.name}` : 'Add channel'}
    >
      <div className="form-grid">
        {channel ? null : (
          <SelectField
            path="kind"
            label="Kind"
            value={values.kind}
            options={kindOptions}
            onChange={(k) => set('kind')(k as ChannelKind)}
          />
        )}
        <TextField
          path="name"
          label="Name"
          value={values.name}
          onChange={set('name')}
          autoComplete="off"
          placeholder={slack ? '#product-updates' : 'Product updates list'}
          hint={slack ? 'The channel’s name in Slack, starting with #.' : 'How the list is called here.'}
          required
        />
        {slack ? (
          <SelectField
            path="method"
            label="Post with"
            value={values.method}
            options={methodOptions}
            onChange={(m) => set('method')(m as Method)}
          />
        ) : (
          <TextField
            path="email"
            label="Email address"
            type="email"
            value={values.email}
            onChange={set('email')}
            autoComplete="off"
            placeholder="product-updates@example.com"
            required
          />
        )}
      </div>
      {slack && values.method === 'webhook' ? (
        <TextField
          path="webhookUrl"
          label="Webhook URL"
          type="url"
          value={values.webhookUrl}
          onChange={set('webhookUrl')}
          autoComplete="off"
          placeholder="https://hooks.slack.com/services/…"
          hint={
            keepsWebhook
              ? `Leave empty to keep the current webhook (to ${channel?.webhookHost}). A new URL replaces it.`
              : 'A Slack incoming-webhook URL. It is a secret: only its host is shown once saved.'
          }
          required={!keepsWebhook}
        />
      ) : null}
      {slack && values.method === 'bot' ? (
        <TextField
          path="slackChannelId"
          label="Slack channel id"
          value={values.slackChannelId}
          onChange={set('slackChannelId')}
          autoComplete="off"
          placeholder="C024BE91L"
          hint="Posted with the bot token (SLACK_BOT_TOKEN); invite the bot to the channel. In Slack: channel details → About, at the bottom."
          required
        />
      ) : null}
      <FormActions submit={submit} note={note}>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </FormActions>
    </Form>
  );
}
