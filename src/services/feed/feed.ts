import { eq } from 'drizzle-orm';
import { people } from '../../db/schema/index.ts';
import {
  byMonth,
  itemDay,
  launchAudiences,
  monthOf,
  monthsBefore,
  readerAudience,
  visibleTo,
} from '../../domain/feed/feed.ts';
import { describeTier } from '../../domain/releases/attributes.ts';
import { dayText, withLaunches } from '../../domain/roadmap/follow-release.ts';
import { rangeText, viewWindow } from '../../domain/roadmap/quarters.ts';
import { salesGuard } from '../../domain/roadmap/view.ts';
import { endOfMonth, todayIn } from '../../shared/calendar.ts';
import type { TFeed, TFeedAudience, TFeedEntry } from '../../shared/feed.ts';
import type { TTier } from '../../shared/releases.ts';
import { AUDIENCES, ROADMAP_STATUS_LABELS, type TRoadmapView, type TViewItem } from '../../shared/roadmap.ts';
import type { TSettings } from '../../shared/settings.ts';
import type { Context } from '../context.ts';
import { internalOnly, sentBundleSections, viewWords } from '../home/launches.ts';
import { withWhen } from '../releases/when.ts';
import { publishedView } from '../roadmap/view.ts';
import {
  announceable,
  type FeedRelease,
  firstLaunchDay,
  releaseDay,
  releasesBetween,
  releasesByIds,
} from './launches.ts';

export interface FeedOptions {
  /** Absent: the reader's own audience. */
  audience?: TFeedAudience;
  /** "YYYY-MM": the months before this one; absent, the upcoming months, this one and the last `months`. */
  before?: string;
  months: number;
  /** The reader's function (their audience); null reads everything. */
  readerFunction: string | null;
}

/** The signed-in person's function, which picks their audience. */
export async function functionOf(ctx: Context): Promise<string | null> {
  const id = ctx.actor?.personId;
  if (!id) return null;
  const [me] = await ctx.db.select({ fn: people.function }).from(people).where(eq(people.id, id));
  return me?.fn ?? null;
}

/** The published view's items as stakeholders read them now: a launched release shows its item Shipped. */
async function shownItems(ctx: Context, view: TRoadmapView | null) {
  const items = view?.items ?? [];
  const linked = await releasesByIds(ctx.db, [...new Set(items.flatMap((i) => i.releases.map((r) => r.id)))]);
  const byId = new Map(linked.map((r) => [r.id, r]));
  return items.map((it) => {
    const releases = it.releases.flatMap((r) => (byId.has(r.id) ? [byId.get(r.id)!] : []));
    const shown = withLaunches(it, releases);
    const launched = releases
      .filter((r) => r.status === 'launched')
      .map(releaseDay)
      .sort();
    return { item: shown, releases, launchedOn: launched.at(-1) ?? null };
  });
}
type ShownItem = Awaited<ReturnType<typeof shownItems>>[number];

const itemStatus = (it: Pick<TViewItem, 'status'>) => ROADMAP_STATUS_LABELS[it.status];

function itemEntry({ item, launchedOn }: ShownItem, today: string): TFeedEntry {
  const shipped = item.status === 'shipped';
  const range = rangeText(item.earliest, item.latest);
  const date = itemDay(item, launchedOn, today);
  return {
    kind: 'roadmap',
    key: `roadmap:${item.id}:${item.status}:${item.earliest}:${item.latest}`,
    title: item.title,
    areaName: item.areaName,
    date,
    dateText: shipped && launchedOn ? `Shipped ${dayText(launchedOn)}` : range,
    exact: shipped && launchedOn !== null,
    statusText: itemStatus(item),
    tierText: null,
    words: item.customerNote.trim() || item.summary.trim() || null,
    talkTrack: shipped ? null : salesGuard({ confidence: item.confidence, rangeText: range }),
    supportNotes: null,
    audiences: [...AUDIENCES],
    roadmapItems: [],
    href: `/roadmap/items/${item.id}`,
  };
}

async function launchEntries(
  ctx: Context,
  settings: TSettings,
  found: FeedRelease[],
  items: ShownItem[],
): Promise<TFeedEntry[]> {
  const hidden = await internalOnly(
    ctx.db,
    found.map((r) => r.id),
  );
  const rs = await withWhen(
    ctx.db,
    found.filter((r) => !hidden.has(r.id)),
    ctx.now,
  );
  const sent = await sentBundleSections(
    ctx.db,
    rs.map((r) => r.id),
  );
  const published = await viewWords(ctx.db);
  return rs.map((r): TFeedEntry => {
    const s = sent.get(r.id);
    const launched = r.status === 'launched';
    const tier = r.tier as TTier;
    const rule = settings.tiers[`tier${tier}`];
    return {
      kind: 'launch',
      key: `launch:${r.id}:${launched ? 'launched' : 'upcoming'}`,
      title: r.title,
      areaName: r.areaName,
      date: releaseDay(r),
      dateText: launched
        ? `Launched ${r.when.text}`
        : r.when.exact
          ? `Launches ${r.when.text}`
          : `Expected ${r.when.text.charAt(0).toLowerCase()}${r.when.text.slice(1)}`,
      exact: r.when.exact,
      statusText: launched ? 'Launched' : r.status === 'delay' ? 'Delayed' : 'Upcoming',
      tierText: describeTier(tier),
      words: s?.what_changed?.trim() || published.get(r.id) || null,
      talkTrack: s?.sales_talk_track?.trim() || null,
      supportNotes: s?.support_macros?.trim() || null,
      audiences: launchAudiences(rule.announceTo, tier),
      roadmapItems: items
        .filter((i) => i.releases.some((x) => x.id === r.id))
        .map((i) => ({ title: i.item.title, statusText: itemStatus(i.item) })),
      href: `/releases/${r.id}`,
    };
  });
}

function decisionEntries(view: TRoadmapView | null): TFeedEntry[] {
  return (view?.decisions ?? []).map((d) => ({
    kind: 'decision',
    key: `decision:${d.number}`,
    title: `Decision #${d.number}: ${d.title}`,
    areaName: null,
    date: d.decidedOn,
    dateText: `Decided ${dayText(d.decidedOn)}`,
    exact: true,
    statusText: 'Decided',
    tierText: null,
    words: d.rationale.trim() || null,
    talkTrack: null,
    supportNotes: null,
    // The stakeholder view gives its decisions to Exec (the exec summary).
    audiences: ['exec'],
    roadmapItems: [],
    href: '/roadmap/view?audience=exec',
  }));
}

/**
 * The stakeholder feed (issue 17): what stakeholders may read, by month in the org's calendar. Launches (Tier
 * 2/3, neither held nor rolled back, not shipping only internal items) in the sent bundle's words; the latest
 * published roadmap view's items (Shipped once their release launched, the roadmap's own rule) and decisions.
 * Never a draft bundle, a working roadmap state or an item the view does not show.
 */
export async function buildFeed(ctx: Context, o: FeedOptions): Promise<TFeed> {
  const settings = await ctx.settings();
  const today = todayIn(settings.timeZone, ctx.now);
  const current = monthOf(today);
  const horizon = monthOf(viewWindow(today, settings.roadmap.fiscalYearStartMonth)[1].end);
  // The stakeholder window ends after today: page one runs from its last month.
  const newest = o.before ? monthsBefore(o.before, 1) : horizon;
  const oldest = monthsBefore(o.before ?? current, o.months);
  const view = ((await publishedView(ctx.db))?.json as TRoadmapView | undefined) ?? null;
  const items = await shownItems(ctx, view);
  const found = await releasesBetween(ctx.db, `${oldest}-01`, endOfMonth(`${newest}-01`));
  const launches = await launchEntries(
    ctx,
    settings,
    found.filter((r) => announceable(r, `${current}-01`)),
    items,
  );
  // An item a launch ships is told with the launch; the rest stand on their own.
  const alone = items.filter((i) => !i.releases.some((r) => announceable(r, `${current}-01`)));
  const all = [...launches, ...alone.map((i) => itemEntry(i, today)), ...decisionEntries(view)];
  const readerAud = readerAudience(o.readerFunction);
  const audience = o.audience ?? readerAud;
  const shown = all.filter((e) => visibleTo(e, audience));
  const first = [await firstLaunchDay(ctx.db), ...all.map((e) => e.date)]
    .filter((d): d is string => d !== null)
    .sort()[0];
  return {
    timeZone: settings.timeZone,
    today,
    audience,
    readerAudience: readerAud,
    months: byMonth(shown, today, { newest, oldest }),
    olderBefore: first !== undefined && first < `${oldest}-01` ? oldest : null,
  };
}
