import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { TFeedUrls } from '../../shared/cadence.ts';
import { cadenceApi } from '../api-cadence.ts';
import { problemFrom } from '../lib/forms.ts';
import { useLoad } from '../lib/use-load.ts';
import { useFormatInstant } from '../lib/use-org-time-zone.ts';
import { LoadError, Loading } from './page.tsx';

export interface FeedLink {
  label: string;
  url: string;
}

/** One address to copy: a read-only field and a Copy button (selecting it where the clipboard is refused). */
function CopyField({ id, link, onStatus }: { id: string; link: FeedLink; onStatus: (s: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link.url);
      onStatus(`Copied: ${link.label}.`);
    } catch {
      input.current?.select();
      onStatus('Selected the address: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };
  return (
    <>
      <label htmlFor={id} className="field-label">
        {link.label}
      </label>
      <div className="copy-row">
        <input
          id={id}
          ref={input}
          readOnly
          value={link.url}
          className="mono"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          Copy<span className="visually-hidden"> {link.label}</span>
        </button>
      </div>
    </>
  );
}

/**
 * The person's private feed key, shared by the calendar, the stakeholder feed and the updates feed. prodops keeps
 * only its fingerprint, so its addresses show once, right after making it; making a new one stops the old.
 */
export function PrivateFeedKey({
  idPrefix,
  links,
  extra,
}: {
  idPrefix: string;
  /** The addresses this page offers, from the key's addresses. */
  links: (urls: TFeedUrls) => FeedLink[];
  extra?: (urls: TFeedUrls) => ReactNode;
}) {
  const key = useLoad(['cadence', 'feed-url'], (signal) => cadenceApi.feedKey(signal));
  const formatInstant = useFormatInstant();
  const [made, setMade] = useState<TFeedUrls | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);

  const make = async () => {
    if (pending) return;
    const replacing = Boolean(key.data?.active);
    setPending(true);
    setError(null);
    try {
      const urls = await cadenceApi.rotateFeedUrl();
      setMade(urls);
      key.reload();
      setStatus(
        replacing
          ? 'Made a new private address. The old one no longer works: update your apps.'
          : 'Made your private address.',
      );
      setConfirming(false);
    } catch (err) {
      setError(problemFrom(err).message);
    } finally {
      setPending(false);
    }
  };

  if (key.error) return <LoadError error={key.error} retry={key.reload} />;
  if (!key.data) return <Loading what="your private feed address" />;
  return (
    <div className="private-feed">
      {made ? (
        <>
          <p className="notice">
            Shown only this once: copy it now. prodops keeps a fingerprint of it, not the address, so it
            cannot show it again (make a new one if you lose it).
          </p>
          {links(made).map((l, i) => (
            <CopyField key={l.label} id={`${idPrefix}-${i}`} link={l} onStatus={setStatus} />
          ))}
          {extra?.(made)}
        </>
      ) : key.data.active ? (
        <p>
          You have a private address{key.data.since ? ` (made ${formatInstant(key.data.since)})` : ''}. It is
          shown only when made: if you no longer have it, make a new one.
        </p>
      ) : (
        <p>You have no private address yet.</p>
      )}
      {confirming ? (
        <fieldset className="confirm">
          <legend>
            Make a new address? The current one stops working at once, in your calendar app and feed reader.
          </legend>
          <button
            type="button"
            className="button primary"
            ref={yes}
            onClick={make}
            aria-disabled={pending || undefined}
          >
            Yes, make a new address
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => (key.data?.active ? setConfirming(true) : make())}
          aria-disabled={pending || undefined}
        >
          {key.data.active ? 'Make a new address' : 'Make my private address'}
        </button>
      )}
      <p className="form-status" aria-live="polite">
        {pending ? 'Making a private address…' : status}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
