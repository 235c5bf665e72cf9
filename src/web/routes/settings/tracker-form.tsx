import { useState } from 'react';
import {
  type TGithubConnectionInput,
  type TTrackerConnection,
  type TTrackerKind,
  ZGithubConnectionInput,
  ZJiraConnectionInput,
  ZLinearConnectionInput,
} from '../../../shared/trackers.ts';
import { trackersApi } from '../../api-trackers.ts';
import { CheckboxField, TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { TRACKER_CHANGES } from '../../lib/query-keys.ts';
import { useWrite } from '../../lib/use-write.ts';
import { TRACKER_WORDS } from './tracker-words.ts';

const INPUTS = {
  github: ZGithubConnectionInput,
  jira: ZJiraConnectionInput,
  linear: ZLinearConnectionInput,
} as const;

/** A write-only secret: its new value ('' keeps the stored one) and whether to remove it. */
interface Secret {
  value: string;
  remove: boolean;
}
const noChange: Secret = { value: '', remove: false };
const secretInput = (s: Secret) => (s.remove ? null : s.value.trim() ? s.value : undefined);

function SecretField({
  path,
  label,
  isSet,
  hint,
  secret,
  onChange,
}: {
  path: 'token' | 'webhookSecret';
  label: string;
  isSet: boolean;
  hint: string;
  secret: Secret;
  onChange: (s: Secret) => void;
}) {
  return (
    <>
      <TextField
        path={path}
        label={label}
        type="password"
        autoComplete="off"
        hint={`${isSet ? 'Set: leave empty to keep it, or type a new one to replace it.' : 'Not set.'} ${hint}`}
        value={secret.value}
        disabled={secret.remove}
        onChange={(value) => onChange({ ...secret, value })}
      />
      {isSet ? (
        <CheckboxField
          path={`${path}Remove`}
          label={`Remove the ${label === 'API key' ? label : label.toLowerCase()}`}
          checked={secret.remove}
          onChange={(remove) => onChange({ value: '', remove })}
        />
      ) : null}
    </>
  );
}

/** A tracker's connection as Product Ops edits it: the secrets write-only, errors next to their fields. */
export function TrackerForm({ kind, connection }: { kind: TTrackerKind; connection: TTrackerConnection }) {
  const words = TRACKER_WORDS[kind];
  const submit = useSubmit();
  const write = useWrite(TRACKER_CHANGES);
  const [apiUrl, setApiUrl] = useState(connection.apiUrl);
  const [bugLabel, setBugLabel] = useState(connection.bugLabel);
  const [feedbackLabel, setFeedbackLabel] = useState(connection.feedbackLabel);
  const [token, setToken] = useState<Secret>(noChange);
  const [webhookSecret, setWebhookSecret] = useState<Secret>(noChange);
  const [note, setNote] = useState('');
  const onSubmit = async () => {
    setNote('');
    // An empty address keeps the stored one (or the tracker's default); Jira's site is required by the server.
    const body: Record<string, unknown> = { apiUrl: apiUrl.trim() || undefined, bugLabel, feedbackLabel };
    const t = secretInput(token);
    const w = secretInput(webhookSecret);
    if (t !== undefined) body.token = t;
    if (w !== undefined) body.webhookSecret = w;
    const input: TGithubConnectionInput = validate(INPUTS[kind], body);
    await write(() => trackersApi.setConnection(kind, input));
    setToken(noChange);
    setWebhookSecret(noChange);
    setNote(`${words.name} connection saved.`);
  };
  return (
    <Form
      id={`tracker-${kind}`}
      submit={submit}
      onSubmit={onSubmit}
      label={`${words.name} connection`}
      className="form tracker-form"
    >
      <div className="form-grid">
        <TextField
          path="apiUrl"
          label="API address"
          type="url"
          autoComplete="off"
          hint={words.apiUrlHint}
          value={apiUrl}
          onChange={setApiUrl}
          required={kind === 'jira'}
        />
        <SecretField
          path="token"
          label={words.tokenLabel}
          isSet={connection.token === 'set'}
          hint={words.tokenHint}
          secret={token}
          onChange={setToken}
        />
        <SecretField
          path="webhookSecret"
          label="Webhook secret"
          isSet={connection.webhookSecret === 'set'}
          hint={words.secretHint}
          secret={webhookSecret}
          onChange={setWebhookSecret}
        />
        <TextField path="bugLabel" label={words.bugLabel} value={bugLabel} onChange={setBugLabel} />
        <TextField
          path="feedbackLabel"
          label="Customer feedback label"
          value={feedbackLabel}
          onChange={setFeedbackLabel}
        />
      </div>
      <FormActions submit={submit} label={`Save ${words.name} connection`} note={note} />
    </Form>
  );
}
