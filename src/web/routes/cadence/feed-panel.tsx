import { useEffect, useRef, useState } from 'react';
import { cadenceApi } from '../../api-cadence.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { problemFrom } from '../../lib/forms.ts';
import { useLoad } from '../../lib/use-load.ts';

/** "Subscribe in your calendar": the private iCalendar feed URL, copy, and replace it if it leaked. */
export function FeedPanel() {
  const feed = useLoad(['cadence', 'feed-url'], (signal) => cadenceApi.feedUrl(signal));
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const yes = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) yes.current?.focus();
  }, [confirming]);

  const copy = async () => {
    if (!feed.data) return;
    setError(null);
    try {
      await navigator.clipboard.writeText(feed.data.url);
      setStatus('Copied the URL.');
    } catch {
      input.current?.select();
      setStatus('Selected the URL: press Ctrl+C (⌘C on a Mac) to copy it.');
    }
  };

  const rotate = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      feed.setData(await cadenceApi.rotateFeedUrl());
      setStatus('Made a new URL. The old one no longer works: update your calendar app.');
      setConfirming(false);
    } catch (err) {
      setError(problemFrom(err).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="feed-heading" className="panel feed-panel">
      <h2 id="feed-heading">Subscribe in your calendar</h2>
      <p className="muted">
        Rituals and launch dates in Google Calendar, Outlook or Apple Calendar: add this URL as a calendar
        subscription (“From URL”). It is private to you: anyone with it can read the calendar.
      </p>
      {feed.error ? <LoadError error={feed.error} retry={feed.reload} /> : null}
      {!feed.data ? (
        feed.error ? null : (
          <Loading what="your feed URL" />
        )
      ) : (
        <>
          <label htmlFor="feed-url" className="field-label">
            Your calendar feed URL
          </label>
          <div className="copy-row">
            <input
              id="feed-url"
              ref={input}
              readOnly
              value={feed.data.url}
              className="mono"
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="button" onClick={copy}>
              Copy<span className="visually-hidden"> the feed URL</span>
            </button>
          </div>
          <p className="feed-actions">
            <a href={feed.data.webcalUrl}>Open in your calendar app</a>
          </p>
          {confirming ? (
            <fieldset className="confirm">
              <legend>Make a new URL? The current one stops working at once.</legend>
              <button
                type="button"
                className="button primary"
                ref={yes}
                onClick={rotate}
                aria-disabled={pending || undefined}
              >
                Yes, make a new URL
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </fieldset>
          ) : (
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Make a new URL
            </button>
          )}
        </>
      )}
      <p className="form-status" aria-live="polite">
        {pending ? 'Making a new URL…' : status}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
