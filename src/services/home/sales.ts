import { describeTier } from '../../domain/releases/attributes.ts';
import { addDays, addMonths, todayIn } from '../../shared/calendar.ts';
import type { THomeSection, TSalesLaunch } from '../../shared/home.ts';
import type { Context } from '../context.ts';
import { withWhen } from '../releases/when.ts';
import { internalOnly, launchesBetween, sentBundleSections, viewWords } from './launches.ts';

/** "December 2026": a local date's month (the date is already the org's, so it is read as UTC). */
const MONTH = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (first: string): string => MONTH.format(new Date(`${first}T12:00:00Z`));

/**
 * Sales' home: what ships this month and next, as stakeholders read it (the "when" rule: a range until the day is
 * announced) and in the words of the bundle sent to them, with its talk track.
 */
export async function salesSection(ctx: Context): Promise<Extract<THomeSection, { kind: 'sales' }>> {
  const { timeZone } = await ctx.settings();
  const today = todayIn(timeZone, ctx.now);
  const first = `${today.slice(0, 7)}-01`;
  const next = addMonths(first, 1);
  const end = addDays(addMonths(first, 2), -1);
  const all = await launchesBetween(ctx.db, first, end);
  const hidden = await internalOnly(
    ctx.db,
    all.map((r) => r.id),
  );
  const releases = await withWhen(
    ctx.db,
    all.filter((r) => !hidden.has(r.id)),
    ctx.now,
  );
  const sent = await sentBundleSections(
    ctx.db,
    releases.map((r) => r.id),
  );
  const published = await viewWords(ctx.db);
  const launches = releases.map((r): TSalesLaunch & { targetDate: string } => {
    const s = sent.get(r.id);
    return {
      releaseId: r.id,
      title: r.title,
      areaName: r.areaName ?? 'No area',
      tierText: describeTier(r.tier as 2 | 3),
      whenText: r.when.text,
      exact: r.when.exact,
      launched: r.status === 'launched',
      whatChanged: s?.what_changed?.trim() || published.get(r.id) || null,
      talkTrack: s?.sales_talk_track?.trim() || null,
      href: `/releases/${r.id}`,
      targetDate: r.targetDate,
    };
  });
  const strip = ({ targetDate: _, ...l }: TSalesLaunch & { targetDate: string }): TSalesLaunch => l;
  return {
    kind: 'sales',
    thisMonth: {
      label: monthLabel(first),
      launches: launches.filter((l) => l.targetDate < next).map(strip),
    },
    nextMonth: {
      label: monthLabel(next),
      launches: launches.filter((l) => l.targetDate >= next).map(strip),
    },
    links: [
      { label: 'What ships, month by month', href: '/feed' },
      { label: 'Launch calendar', href: '/releases/calendar' },
      { label: 'Stakeholder roadmap', href: '/roadmap/view' },
    ],
  };
}
