import { useState } from 'react';
import { ZIntakeInput } from '../../../shared/insights.ts';
import { insightsApi } from '../../api-insights.ts';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import type { Taxonomy } from './labels.ts';

/** A random id; crypto.randomUUID exists only on https and localhost, getRandomValues everywhere. */
function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const EMPTY = { title: '', body: '', customer: '', segment: '' };

/**
 * The web form intake: one item through the same endpoint as the webhook. The external id is made here, once
 * per item, so a double submit or a retry stores it once.
 */
export function FeedbackForm({ tax, onSent }: { tax: Taxonomy; onSent: () => void }) {
  const submit = useSubmit();
  const [source, setSource] = useState(tax.sources[0]?.key ?? '');
  const [item, setItem] = useState(EMPTY);
  const [externalId, setExternalId] = useState(() => `web-${uuid()}`);
  const [note, setNote] = useState('');
  const set = (k: keyof typeof EMPTY) => (v: string) => setItem((i) => ({ ...i, [k]: v }));
  return (
    <Form
      id="feedback"
      label="Send feedback"
      submit={submit}
      onSubmit={async () => {
        setNote('');
        const body = validate(ZIntakeInput, {
          source,
          items: [
            {
              externalId,
              // Empty boxes are left out, so the schema's own message ("a title or a body is required") shows.
              ...(item.title.trim() ? { title: item.title } : {}),
              ...(item.body.trim() ? { body: item.body } : {}),
              ...(item.customer.trim() ? { customer: item.customer } : {}),
              ...(item.segment ? { segment: item.segment } : {}),
            },
          ],
        });
        const result = await insightsApi.send(body.source, body.items);
        if (result.bad > 0) throw new Error(result.errors[0]?.error ?? 'The item was not accepted.');
        setNote(result.inserted ? 'Sent. Thank you!' : 'Already sent.');
        setItem(EMPTY);
        setExternalId(`web-${uuid()}`);
        onSent();
      }}
    >
      <SelectField
        path="source"
        label="Source"
        required
        value={source}
        options={tax.sources.map((s) => ({ value: s.key, label: s.label }))}
        onChange={setSource}
      />
      <TextField path="items.0.title" label="Title" value={item.title} onChange={set('title')} />
      <TextField
        path="items.0.body"
        label="What did the customer say?"
        multiline
        value={item.body}
        onChange={set('body')}
        hint="A title or this is required. Quote the customer where you can."
      />
      <TextField path="items.0.customer" label="Customer" value={item.customer} onChange={set('customer')} />
      <SelectField
        path="items.0.segment"
        label="Segment"
        value={item.segment}
        emptyLabel="Not known"
        options={tax.segments.map((s) => ({ value: s.key, label: s.label }))}
        onChange={set('segment')}
      />
      <FormActions submit={submit} label="Send" pendingText="Sending…" note={note} />
    </Form>
  );
}
