import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../api-client.ts';

/**
 * A page: sets the document title and, after client-side navigation, moves focus to the heading so screen
 * reader users hear where they arrived.
 */
export function Page({
  title,
  actions,
  children,
  intro,
}: {
  title: string;
  actions?: ReactNode;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = `${title} · prodops`;
  }, [title]);
  useEffect(() => {
    if (pathname && document.activeElement !== document.body) heading.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <>
      <div className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {intro ? <div className="page-intro">{intro}</div> : null}
      {children}
    </>
  );
}

/** A polite live region for "Loading…" and "Saved." messages. */
export function LiveStatus({ children }: { children: ReactNode }) {
  return (
    <p className="live-status" role="status" aria-live="polite">
      {children}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function LoadError({ error, retry }: { error: Error; retry?: () => void }) {
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div className="notice error" role="alert">
      <p>{notFound ? 'This page does not exist (it may have been deleted).' : error.message}</p>
      {retry && !notFound ? (
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
