import { useState } from 'react';
import { z } from 'zod';
import type { TApiToken } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { problemFrom, useSubmit, validate } from '../../lib/forms.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useFormatInstant } from '../../lib/use-org-time-zone.ts';
import { useWrite } from '../../lib/use-write.ts';
import './account.css';

/** The same rule as POST /me/tokens. */
const ZTokenName = z.strictObject({ name: z.string().trim().min(1).max(80) });

function NewToken({ onCreated }: { onCreated: (name: string, token: string) => void }) {
  const submit = useSubmit();
  const write = useWrite([['tokens']]);
  const [name, setName] = useState('');
  return (
    <Form
      id="token-new"
      submit={submit}
      label="Create API token"
      onSubmit={async () => {
        const body = validate(ZTokenName, { name });
        const created = await write(() => api.tokens.create(body.name));
        setName('');
        onCreated(created.name, created.token);
      }}
    >
      <TextField
        path="name"
        label="Token name"
        value={name}
        onChange={setName}
        hint="What the token is for, like “CI release gate”."
        required
      />
      <FormActions submit={submit} label="Create token" pendingText="Creating…" />
    </Form>
  );
}

function RevokeButton({ token, onRevoked }: { token: TApiToken; onRevoked: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const write = useWrite([['tokens']]);
  const revoke = async () => {
    if (pending) return;
    setPending(true);
    try {
      await write(() => api.tokens.revoke(token.id));
      onRevoked();
    } catch (err) {
      setError(problemFrom(err).message);
      setPending(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="button small danger-outline"
        onClick={revoke}
        aria-disabled={pending || undefined}
      >
        Revoke<span className="visually-hidden"> token {token.name}</span>
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Personal API tokens for the CLI and CI (the release gate): created here, shown once, revocable. */
export function TokensPage() {
  const at = useFormatInstant();
  const data = useLoad(['tokens'], (signal) => api.tokens.list(signal));
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [status, setStatus] = useState('');
  return (
    <Page
      title="API tokens"
      intro={
        <p>
          Tokens let the <code>prodops</code> CLI and CI pipelines call the API as you (set{' '}
          <code>PRODOPS_TOKEN</code>). A token is shown once, when it is created.
        </p>
      }
    >
      <LiveStatus>{status}</LiveStatus>
      {created ? (
        <div className="notice new-token" role="status">
          <p>
            New token <strong>{created.name}</strong>. Copy it now: it will not be shown again.
          </p>
          <label htmlFor="new-token-value" className="field-label">
            Token value
          </label>
          <input id="new-token-value" readOnly value={created.token} onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
      <section aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <NewToken
          onCreated={(name, token) => {
            setCreated({ name, token });
            setStatus('');
          }}
        />
      </section>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
        {!data.data ? (
          data.error ? null : (
            <Loading what="tokens" />
          )
        ) : data.data.items.length === 0 ? (
          <p className="empty">You have no API tokens.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Your API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.data.items.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td className="mono">{t.prefix}…</td>
                    <td>{at(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? at(t.lastUsedAt) : 'never'}</td>
                    <td>
                      <RevokeButton
                        token={t}
                        onRevoked={() => {
                          setStatus(`Revoked ${t.name}.`);
                        }}
                      />
                    </td>
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
