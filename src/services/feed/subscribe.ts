import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, personPrefs } from '../../db/schema/index.ts';
import { buildFeeds } from '../../integrations/feeds/atom.ts';
import { createMarkdown } from '../../integrations/markdown.ts';
import { localInstant } from '../../shared/calendar.ts';
import { AppError } from '../../shared/errors.ts';
import type { TFeed, TFeedAudience, TFeedEntry } from '../../shared/feed.ts';
import { createContext } from '../context.ts';
import { prefsOf } from '../delivery/recipients.ts';
import { buildFeed } from './feed.ts';

/**
 * A reader's private Atom and RSS addresses: the calendar feed's token (one secret per person, replaced with it
 * from the cadence page), so a leaked address is fixed in one place.
 */
export async function feedSubscription(
  db: Db,
  personId: string,
  publicUrl: string,
): Promise<TFeed['subscribe']> {
  const { calendarToken } = await prefsOf(db, personId);
  const base = `${publicUrl}/api/v1/feed/${calendarToken}`;
  return { atom: `${base}.atom`, rss: `${base}.rss` };
}

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
  const [owner] = await db
    .select({ fn: people.function })
    .from(personPrefs)
    .innerJoin(people, eq(people.id, personPrefs.personId))
    .where(and(eq(personPrefs.calendarToken, o.token), eq(people.active, true)));
  if (!owner) throw new AppError('not_found', 'no such feed (it may have been replaced)');
  const ctx = createContext({ db, actor: null, now: o.now });
  const feed = await buildFeed(ctx, {
    ...(o.audience ? { audience: o.audience } : {}),
    months: 3,
    readerFunction: owner.fn,
    subscribe: null,
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
