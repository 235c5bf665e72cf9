import { type ReactNode, startTransition, useCallback, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api-client.ts';
import { rolesText } from '../lib/labels.ts';
import { useSession } from '../lib/session.tsx';
import { navFor } from '../nav.ts';
import { HeldBanners } from './held-banners.tsx';
import { InboxLink } from './inbox-link.tsx';
import { LoadError, Loading } from './page.tsx';
import { StatusSearch } from './status-search.tsx';

/** The signed-in shell: loads who is signed in (a 401 sends the browser to /sign-in), then the pages. */
export function AppLayout() {
  const { me, orgName, setMe, setOrgName } = useSession();
  const [error, setError] = useState<Error | null>(null);
  // On a phone the navigation is a menu; it is open only on the page it was opened on, so any navigation closes it.
  const { pathname } = useLocation();
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === pathname;

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
    <div className={menuOpen ? 'shell menu-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header
        menu={
          <button
            type="button"
            className="button small menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpenAt(menuOpen ? null : pathname)}
          >
            Menu
          </button>
        }
      />
      <nav
        id="main-nav"
        aria-label="Main"
        className="main-nav"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && menuOpen) setMenuOpenAt(null);
        }}
      >
        <ul>
          {navFor(me).map((entry) => (
            <li key={entry.path}>
              <NavLink to={entry.path} end={entry.path === '/'} onClick={() => setMenuOpenAt(null)}>
                {entry.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <HeldBanners />
        <Outlet />
      </main>
    </div>
  );
}

/** The brand, the phone's menu button (hidden on wider screens by the stylesheet), search and the account. */
function Header({ menu }: { menu: ReactNode }) {
  const { me, orgName, setMe } = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    try {
      const reply = await api.signOut();
      // Signed in through single sign-on: end the issuer's session too (it sends the browser back here).
      if (reply?.redirectTo) return window.location.assign(reply.redirectTo);
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
      {menu}
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
