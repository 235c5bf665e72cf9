import { Feed } from 'feed';

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  publishedAt: string;
  /** Plain text or markdown; feed readers show it as the entry's content. */
  content: string;
  summary: string;
}

/** Atom and RSS 2.0 from the same entries, written by the `feed` library (never by hand). */
export function buildFeeds(opts: { title: string; siteUrl: string; feedUrl: string; entries: FeedEntry[] }): {
  atom: string;
  rss: string;
} {
  const updated = opts.entries[0] ? new Date(opts.entries[0].publishedAt) : new Date(0);
  const feed = new Feed({
    title: opts.title,
    id: opts.siteUrl,
    link: opts.siteUrl,
    copyright: '',
    updated,
    generator: 'prodops',
    feedLinks: { atom: opts.feedUrl },
  });
  for (const e of opts.entries) {
    feed.addItem({
      id: e.id,
      title: e.title,
      link: e.url,
      date: new Date(e.publishedAt),
      description: e.summary,
      content: e.content,
    });
  }
  return { atom: feed.atom1(), rss: feed.rss2() };
}
