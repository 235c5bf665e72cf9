import { useState } from 'react';
import {
  type TWebhookEvent,
  type TWebhookWithSecret,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENTS,
  ZWebhookInput,
} from '../../../shared/webhooks.ts';
import { webhooksApi } from '../../api-webhooks.ts';
import { CheckboxGroup, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';

const eventOptions = WEBHOOK_EVENTS.map((e) => ({ value: e, label: WEBHOOK_EVENT_LABELS[e] }));

/** Subscribe a URL to events; the created subscription (with its secret, shown once) goes to `onCreated`. */
export function WebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (hook: TWebhookWithSecret) => void;
  onCancel: () => void;
}) {
  const submit = useSubmit();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<TWebhookEvent[]>([]);
  const onSubmit = async () => {
    const input = validate(ZWebhookInput, { url: url.trim(), description, events });
    onCreated(await webhooksApi.create(input));
    setUrl('');
    setDescription('');
    setEvents([]);
  };
  return (
    <Form id="webhook-new" submit={submit} onSubmit={onSubmit} label="Add webhook">
      <TextField
        path="url"
        label="URL"
        type="url"
        value={url}
        onChange={setUrl}
        autoComplete="off"
        placeholder="https://example.com/hooks/prodops"
        hint="prodops POSTs each event here as JSON, signed with the subscription's secret."
        required
      />
      <TextField
        path="description"
        label="Description"
        value={description}
        onChange={setDescription}
        autoComplete="off"
        placeholder="Release bot in #launches"
      />
      <CheckboxGroup
        path="events"
        legend="Send when"
        options={eventOptions}
        values={events}
        onChange={setEvents}
      />
      <FormActions submit={submit}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </FormActions>
    </Form>
  );
}

/** The signing secret, shown once after creating or rotating: the API never returns it again. */
export function SecretOnce({ hook, onDone }: { hook: TWebhookWithSecret; onDone: () => void }) {
  return (
    <section className="notice" aria-labelledby="secret-heading">
      <h2 id="secret-heading">Signing secret for {hook.description || hook.url}</h2>
      <p>
        Copy it now: it is not shown again (rotate it to get a new one). Receivers check each request's{' '}
        <code>X-Prodops-Signature-256</code> header with it.
      </p>
      <p>
        <code className="secret">{hook.secret}</code>
      </p>
      <button type="button" className="button" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
