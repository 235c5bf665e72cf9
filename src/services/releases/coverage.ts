import { Temporal } from '@js-temporal/polyfill';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { enablementBundles, releases } from '../../db/schema/index.ts';
import { enablementCoverage } from '../../domain/releases/coverage.ts';
import { todayIn } from '../../shared/calendar.ts';
import { getSettings } from '../org/settings.ts';

/**
 * Launch enablement coverage (pack §7: 100% of Tier 2/3): the share of Tier 2/3 launches whose bundle was
 * published before launch day, with its trend. Defaults to the last six months up to today.
 */
export async function coverage(
  db: Db,
  opts: { from?: string; to?: string; bucket: 'week' | 'month'; now: Date },
) {
  const settings = await getSettings(db);
  const to = opts.to ?? todayIn(settings.timeZone, opts.now);
  const from = opts.from ?? Temporal.PlainDate.from(to).subtract({ months: 6 }).toString();
  const rows = await db
    .select({ r: releases, publishedOn: enablementBundles.publishedOn })
    .from(releases)
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(and(inArray(releases.tier, [2, 3]), gte(releases.targetDate, from), lte(releases.targetDate, to)));
  const launched = await db
    .select({ r: releases, publishedOn: enablementBundles.publishedOn })
    .from(releases)
    .leftJoin(enablementBundles, eq(enablementBundles.releaseId, releases.id))
    .where(and(inArray(releases.tier, [2, 3]), gte(releases.launchedOn, from), lte(releases.launchedOn, to)));
  const byId = new Map([...rows, ...launched].map((x) => [x.r.id, x]));
  const items = [...byId.values()].map(({ r, publishedOn }) => ({
    id: r.id,
    title: r.title,
    tier: r.tier as 2 | 3,
    launchDate: r.launchedOn ?? r.targetDate,
    publishedOn,
  }));
  const result = enablementCoverage(items, { from, to, bucket: opts.bucket });
  return {
    from,
    to,
    bucket: opts.bucket,
    target: settings.thresholds.enablementCoveragePct,
    ...result,
    releases: items
      .filter((i) => i.launchDate >= from && i.launchDate <= to)
      .map((i) => ({ ...i, covered: Boolean(i.publishedOn && i.publishedOn < i.launchDate) })),
  };
}
