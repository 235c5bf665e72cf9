import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { releaseGateOverrides, releases } from '../../db/schema/index.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import type { THomeSection } from '../../shared/home.ts';
import { DEFAULT_METRIC_WEEKS } from '../../shared/metrics.ts';
import type { Context } from '../context.ts';
import { metricsOverview } from '../metrics/overview.ts';
import { areasQuality } from '../quality/confusion.ts';
import { gateChecks } from '../releases/gate.ts';
import { listReviews } from '../roadmap/reviews.ts';

/**
 * The Head of Product's home: the metrics page's headline figures (current against target), Roadmap Reviews
 * waiting for them, the gate overrides in force, and the areas in Polish Mode.
 */
export async function headSection(ctx: Context): Promise<Extract<THomeSection, { kind: 'head' }>> {
  const settings = await ctx.settings();
  const { metrics } = await metricsOverview(ctx, { weeks: DEFAULT_METRIC_WEEKS });
  const reviews = await listReviews(ctx.db, ctx.now);
  const checkLabels = new Map(gateChecks().map((c) => [c.id, c.label]));
  const overrides = await ctx.db
    .select({
      releaseId: releaseGateOverrides.releaseId,
      title: releases.title,
      checkId: releaseGateOverrides.checkId,
      by: releaseGateOverrides.byLabel,
      expiresAt: releaseGateOverrides.expiresAt,
    })
    .from(releaseGateOverrides)
    .innerJoin(releases, eq(releases.id, releaseGateOverrides.releaseId))
    .where(and(isNull(releaseGateOverrides.revokedAt), gt(releaseGateOverrides.expiresAt, ctx.now)))
    .orderBy(asc(releaseGateOverrides.expiresAt));
  const quality = await areasQuality(ctx.db, settings, ctx.now);
  const fmt = localDateFormat(settings.timeZone);
  return {
    kind: 'head',
    metrics: metrics.map((m) => ({
      key: m.key,
      label: m.label,
      current: m.current.text,
      target: m.target.text,
      meets: m.meets,
    })),
    reviews: reviews
      .filter((r) => r.closedAt === null && r.startsAt <= ctx.now.toISOString())
      .map((r) => ({
        label: `Roadmap Review of ${dayText(r.localDate)}`,
        detail: 'Waiting for ratification and close',
        href: `/roadmap/reviews/${r.occurrenceId}`,
      })),
    overrides: overrides.map((o) => ({
      label: `${o.title}: ${checkLabels.get(o.checkId) ?? 'a gate check'}`,
      detail: `Overridden by ${o.by} until ${dayText(fmt.format(o.expiresAt))}`,
      href: `/releases/${o.releaseId}`,
    })),
    polishAreas: quality.flatMap((q) => {
      const polish = q.confusion.polishMode;
      return polish
        ? [
            {
              label: q.area.name,
              detail: `In Polish Mode since ${dayText(polish.since)}`,
              href: `/areas/${q.area.id}`,
            },
          ]
        : [];
    }),
  };
}

const localDateFormats = new Map<string, Intl.DateTimeFormat>();

/** The org's local date of an instant, YYYY-MM-DD ('en-CA'); one formatter per zone, built once. */
function localDateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = localDateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone });
    localDateFormats.set(timeZone, f);
  }
  return f;
}
