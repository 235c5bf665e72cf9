import { PrivateFeedKey } from '../../components/private-feed.tsx';

/** "Subscribe in your calendar": the private iCalendar feed address, shown once when made (only its hash is kept). */
export function FeedPanel() {
  return (
    <section aria-labelledby="feed-heading" className="panel feed-panel">
      <h2 id="feed-heading">Subscribe in your calendar</h2>
      <p className="muted">
        Rituals and launch dates in Google Calendar, Outlook or Apple Calendar: add your private address as a
        calendar subscription (“From URL”). Anyone with it can read the calendar; the same key gives your Atom
        and RSS feeds, so a new one replaces those too.
      </p>
      <PrivateFeedKey
        idPrefix="feed-url"
        links={(u) => [{ label: 'Your calendar feed URL', url: u.url }]}
        extra={(u) => (
          <p className="feed-actions">
            <a href={u.webcalUrl}>Open in your calendar app</a>
          </p>
        )}
      />
    </section>
  );
}
