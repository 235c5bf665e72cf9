import type { Db } from '../../db/client.ts';
import { buildFeeds } from '../../integrations/feeds/atom.ts';
import { createMarkdown } from '../../integrations/markdown.ts';
import { localInstant } from '../../shared/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import type { TFeedAudience, TFeedEntry } from '../../shared/feed.ts';
import { feedOwner } from '../cadence/feed.ts';
import { createContext } from '../context.ts';
import { buildFeed } from './feed.ts';

/** An entry as markdown (rendered to HTML without raw HTML passing through): what the page shows. */
function entryMarkdown(e: TFeedEntry): string {
  return [
    `*${[e.dateText, e.statusText, e.areaName, e.tierText].filter(Boolean).join(' · ')}*`,
    e.words ?? '',
    ...e.roadmapItems.map((i) => `Roadmap: ${i.title} (${i.statusText})`),
    e.talkTrack ? `**Talk track**\n\n${e.talkTrack}` : '',
    e.supportNotes ? `**Support macros**\n\n${e.supportNotes}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * The stakeholder feed for a feed reader: the person whose token it is, their audience (or `audience`), the
 * upcoming months, this one and the last three, newest first. An unknown, replaced or inactive person's token
 * is a 404.
 */
export async function feedForToken(
  db: Db,
  o: { token: string; audience?: TFeedAudience; baseUrl: string; feedUrl: string; now: Date },
) {
  // The reader's private feed key (the calendar feed's: one key per person, made on the cadence page).
  const owner = await feedOwner(db, o.token);
  if (!owner?.active) throw new AppError('not_found', 'no such feed (it may have been replaced)');
  const ctx = createContext({ db, actor: null, now: o.now });
  const feed = await buildFeed(ctx, {
    ...(o.audience ? { audience: o.audience } : {}),
    months: 3,
    readerFunction: owner.function,
  });
  const { orgName } = await ctx.settings();
  const md = createMarkdown();
  const entries = feed.months
    .flatMap((m) => m.entries)
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));
  return buildFeeds({
    title: `${orgName}: what ships`,
    siteUrl: `${o.baseUrl}/feed`,
    feedUrl: o.feedUrl,
    entries: entries.map((e) => ({
      id: `${o.baseUrl}/feed#${e.key}`,
      title: `${e.statusText}: ${e.title}`,
      url: `${o.baseUrl}${e.href}`,
      publishedAt: localInstant(e.date, '00:00', feed.timeZone).toISOString(),
      summary: `${e.dateText}${e.words ? `: ${e.words}` : ''}`,
      content: md.render(entryMarkdown(e)),
    })),
  });
}
