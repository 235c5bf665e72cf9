import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TFeed, TFeedAudience, TFeedEntry, TFeedMonth } from '../../../shared/feed.ts';
import { feedApi } from '../../api-feed.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { PrivateFeedKey } from '../../components/private-feed.tsx';
import { useLoad } from '../../lib/use-load.ts';
import './feed.css';

const AUDIENCE_NAMES: Record<TFeedAudience, string> = {
  sales: 'Sales',
  support: 'Support',
  cs: 'Customer Success',
  exec: 'Exec',
  all: 'All audiences',
};
const AUDIENCE_KEYS = Object.keys(AUDIENCE_NAMES) as TFeedAudience[];
const isAudience = (s: string | null): s is TFeedAudience => AUDIENCE_KEYS.includes(s as TFeedAudience);

const KIND_NAMES: Record<TFeedEntry['kind'], string> = {
  launch: 'Launch',
  roadmap: 'Roadmap',
  decision: 'Decision',
};

function monthHeading(m: TFeedMonth): string {
  if (m.when === 'current') return `This month: ${m.label}`;
  return m.when === 'upcoming' ? `Coming: ${m.label}` : m.label;
}

function Entry({ e, timeZone }: { e: TFeedEntry; timeZone: string }) {
  return (
    <li className="feed-entry">
      <p className="feed-meta">
        <span className={`feed-kind feed-kind-${e.kind}`}>{KIND_NAMES[e.kind]}</span>{' '}
        <time dateTime={e.date} title={`A day in the org's time zone (${timeZone})`}>
          {e.dateText}
        </time>
        {[e.statusText, e.areaName, e.tierText].filter(Boolean).map((x) => (
          <span key={x}> · {x}</span>
        ))}
      </p>
      <h3>
        <Link to={e.href}>{e.title}</Link>
      </h3>
      {e.words ? <p className="feed-words">{e.words}</p> : null}
      {e.roadmapItems.map((i) => (
        <p key={i.title} className="muted">
          On the roadmap: {i.title} ({i.statusText})
        </p>
      ))}
      {e.talkTrack ? (
        <details className="feed-more">
          <summary>Talk track</summary>
          <p className="feed-words">{e.talkTrack}</p>
        </details>
      ) : e.kind === 'launch' ? (
        <p className="muted">The talk track comes with the enablement bundle.</p>
      ) : null}
      {e.supportNotes ? (
        <details className="feed-more">
          <summary>Support macros</summary>
          <p className="feed-words">{e.supportNotes}</p>
        </details>
      ) : null}
    </li>
  );
}

function Month({ m, timeZone }: { m: TFeedMonth; timeZone: string }) {
  const id = `feed-month-${m.month}`;
  return (
    <section aria-labelledby={id} className="feed-month">
      <h2 id={id}>{monthHeading(m)}</h2>
      {m.entries.length === 0 ? (
        <p className="muted">Nothing announced for this month.</p>
      ) : (
        <ul className="feed-list">
          {m.entries.map((e) => (
            <Entry key={e.key} e={e} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Subscribe({ feed }: { feed: TFeed }) {
  // The feed reader gets what this page shows: the reader's audience unless another was picked.
  const q = feed.audience === feed.readerAudience ? '' : `?audience=${feed.audience}`;
  return (
    <details className="feed-subscribe">
      <summary>Subscribe in a feed reader</summary>
      <p className="muted">
        Your private address (the calendar feed's key: a new one here replaces that one too).
      </p>
      <PrivateFeedKey
        idPrefix="feed-subscribe"
        links={(u) => [
          { label: 'Atom feed', url: `${u.feed.atom}${q}` },
          { label: 'RSS feed', url: `${u.feed.rss}${q}` },
        ]}
      />
    </details>
  );
}

/** Issue 17: what ships, by month, in words stakeholders may use; the reader's audience by default. */
export function FeedPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('audience');
  const audience = isAudience(asked) ? asked : undefined;
  const first = useLoad(['feed', audience ?? ''], (signal) => feedApi.get({ audience }, signal));
  // Older months belong to the audience they were read for.
  const [read, setRead] = useState<{ audience: TFeedAudience | undefined; pages: TFeed[] }>({
    audience,
    pages: [],
  });
  const [olderError, setOlderError] = useState<Error | null>(null);
  const older = read.audience === audience ? read.pages : [];
  const data = first.data;
  const last = older.at(-1) ?? data;
  const loadOlder = () => {
    if (!last?.olderBefore) return;
    setOlderError(null);
    feedApi.get({ audience: data?.audience, before: last.olderBefore }).then(
      (page) => setRead({ audience, pages: [...older, page] }),
      (err: unknown) => setOlderError(err instanceof Error ? err : new Error(String(err))),
    );
  };
  return (
    <Page
      title="What ships"
      intro={
        <p>
          Launches, the published roadmap and decisions, by month, in words you can share with customers.
          Dates are days in the org's time zone{data ? ` (${data.timeZone})` : ''}.
        </p>
      }
    >
      {first.error ? <LoadError error={first.error} retry={first.reload} /> : null}
      {!data ? (
        first.error ? null : (
          <Loading what="the feed" />
        )
      ) : (
        <div aria-busy={first.loading}>
          <div className="filters feed-controls">
            <div className="filter">
              <label htmlFor="feed-audience" className="filter-label">
                Audience
              </label>
              <select
                id="feed-audience"
                value={data.audience}
                onChange={(e) =>
                  setParams(e.target.value === data.readerAudience ? {} : { audience: e.target.value })
                }
              >
                {AUDIENCE_KEYS.map((a) => (
                  <option key={a} value={a}>
                    {AUDIENCE_NAMES[a]}
                    {a === data.readerAudience ? ' (mine)' : ''}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <Subscribe feed={data} />
          {[data, ...older].flatMap((page) =>
            page.months.map((m) => <Month key={m.month} m={m} timeZone={data.timeZone} />),
          )}
          {olderError ? <LoadError error={olderError} retry={loadOlder} /> : null}
          {last?.olderBefore ? (
            <button type="button" className="button" onClick={loadOlder}>
              Older months
            </button>
          ) : (
            <p className="muted">Nothing older.</p>
          )}
        </div>
      )}
    </Page>
  );
}
