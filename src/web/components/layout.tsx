import { startTransition, useCallback, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { api } from '../api-client.ts';
import { rolesText } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { navFor } from '../nav.ts';
import { InboxLink } from './inbox-link.tsx';
import { LoadError, Loading } from './page.tsx';
import { StatusSearch } from './status-search.tsx';

/** The signed-in shell: loads who is signed in (a 401 sends the browser to /sign-in), then the pages. */
export function AppLayout() {
  const { me, orgName, setMe, setOrgName } = useSession();
  const [error, setError] = useState<Error | null>(null);

  const loadMe = useCallback(
    (signal: AbortSignal) =>
      api.me(signal).then(setMe, (err: unknown) => {
        if (!signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));
      }),
    [setMe],
  );

  useEffect(() => {
    if (me) return;
    const controller = new AbortController();
    void loadMe(controller.signal);
    return () => controller.abort();
  }, [me, loadMe]);

  useEffect(() => {
    if (!me || orgName !== null) return;
    const controller = new AbortController();
    api.settings.get(controller.signal).then(
      (r) => setOrgName(r.settings.orgName),
      () => undefined,
    );
    return () => controller.abort();
  }, [me, orgName, setOrgName]);

  if (!me) {
    return (
      <main id="main" className="splash">
        {error ? (
          <LoadError
            error={error}
            retry={() => {
              setError(null);
              void loadMe(new AbortController().signal);
            }}
          />
        ) : (
          <Loading what="prodops" />
        )}
      </main>
    );
  }

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header />
      <nav aria-label="Main" className="main-nav">
        <ul>
          {navFor(me).map((entry) => (
            <li key={entry.path}>
              <NavLink to={entry.path} end={entry.path === '/'}>
                {entry.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

function Header() {
  const { me, orgName, setMe } = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    try {
      await api.signOut();
    } catch {
      // Signed out already (or the server is gone): either way, show the sign-in page.
    }
    startTransition(() => {
      setMe(null);
      navigate('/sign-in', { replace: true });
    });
  };
  return (
    <header className="app-header">
      <div className="brand">
        <Link to="/" className="product-name">
          prodops
        </Link>
        {orgName ? <span className="org-name">{orgName}</span> : null}
      </div>
      {me ? <StatusSearch /> : null}
      {me ? (
        <div className="user">
          <span className="user-name">{me.name}</span>
          <span className="user-roles">{rolesText(me.roles)}</span>
          <InboxLink />
          <Link to="/account/preferences" className="user-link">
            Preferences
          </Link>
          <Link to="/account/tokens" className="user-link">
            API tokens
          </Link>
          <button type="button" className="button small" onClick={signOut} disabled={signingOut}>
            Sign out
          </button>
        </div>
      ) : null}
    </header>
  );
}
