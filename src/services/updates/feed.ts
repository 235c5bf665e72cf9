import type { Db } from '../../db/client.ts';
import { buildFeeds } from '../../integrations/feeds/atom.ts';
import { createMarkdown } from '../../integrations/markdown.ts';
import { AppError } from '../../shared/errors.ts';
import { feedOwner } from '../cadence/feed.ts';
import { getSettings } from '../org/settings.ts';
import { listPublishedUpdates } from './archive.ts';

/**
 * The published updates as Atom and RSS for a feed reader. The reader sends no headers: the person's private
 * feed token (the calendar feed's) is the credential; an unknown or replaced one is a 404.
 */
export async function updatesFeed(db: Db, o: { token: string; baseUrl: string; feedUrl: string }) {
  if (!(await feedOwner(db, o.token)))
    throw new AppError('not_found', 'no such feed (it may have been replaced)');
  const { orgName } = await getSettings(db);
  const md = createMarkdown();
  const items = await listPublishedUpdates(db, { limit: 30 });
  return buildFeeds({
    title: `${orgName}: Weekly Product Update`,
    siteUrl: `${o.baseUrl}/updates`,
    feedUrl: o.feedUrl,
    entries: items.map((i) => ({
      id: `${o.baseUrl}/updates/${i.week}#v${i.version}`,
      title: i.title,
      url: `${o.baseUrl}/updates/${i.week}`,
      publishedAt: i.publishedAt,
      summary: `Weekly Product Update for ${i.week}`,
      content: md.render(i.markdown),
    })),
  });
}
