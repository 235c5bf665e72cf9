import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TSsoStatus } from '../../../shared/sso-status.ts';
import { ApiError, api } from '../../api-client.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { InvalidInput, useSubmit } from '../../lib/forms.ts';
import { useSession } from '../../lib/session.tsx';

/** Only same-site paths: `next` comes from the URL, so it must not send people elsewhere. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) return '/';
  return next;
}

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { setMe } = useSession();
  const submit = useSubmit();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sso, setSso] = useState<TSsoStatus['oidc'] | null>(null);

  useEffect(() => {
    document.title = 'Sign in · prodops';
    const ctrl = new AbortController();
    // Without an answer (an older server, a network blip) the password form alone still works.
    api.ssoStatus(ctrl.signal).then(
      (s) => setSso(s.oidc),
      () => undefined,
    );
    return () => ctrl.abort();
  }, []);
  const passwordForm = !sso || sso.passwordSignIn;
  const next = safeNext(params.get('next'));

  const onSubmit = async () => {
    const missing = [
      ...(email.trim() ? [] : [{ path: 'email', message: 'is required' }]),
      ...(password ? [] : [{ path: 'password', message: 'is required' }]),
    ];
    if (missing.length) throw new InvalidInput(missing);
    try {
      const { user } = await api.signIn(email.trim(), password);
      setMe(user);
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        throw new ApiError({
          status: 401,
          code: err.code,
          message: 'The email or password is not right. Check both and try again.',
        });
      }
      throw err;
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <p className="product-name large">prodops</p>
        <h1>Sign in</h1>
        {sso?.enabled ? (
          <p className="sign-in-sso">
            <a className="button primary" href={`${sso.startUrl}?next=${encodeURIComponent(next)}`}>
              Sign in with {sso.label}
            </a>
          </p>
        ) : null}
        {passwordForm ? (
          <Form id="sign-in" submit={submit} onSubmit={onSubmit} label="Sign in">
            <TextField
              path="email"
              label="Email"
              type="email"
              autoComplete="username"
              value={email}
              onChange={setEmail}
              required
            />
            <TextField
              path="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              required
            />
            <FormActions submit={submit} label="Sign in" pendingText="Signing in…" />
          </Form>
        ) : null}
      </div>
    </main>
  );
}
