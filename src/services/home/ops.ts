import { and, count, eq, gte, isNull } from 'drizzle-orm';
import { insightItems, outbox } from '../../db/schema/index.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import { addDays, currentWeekKey, todayIn } from '../../shared/calendar.ts';
import type { THomeSection } from '../../shared/home.ts';
import type { Context } from '../context.ts';
import { listReleases } from '../releases/releases.ts';
import { listReviews } from '../roadmap/reviews.ts';
import { cycleBoard } from '../updates/submissions.ts';

/** Feedback of the last 30 days that the tagger could not give a theme: nobody can route it yet. */
const UNTRIAGED_DAYS = 30;

/**
 * Product Ops' home: who has not sent this week's update, bundles past their distribute-by date, messages that
 * gave up (one count, grouped by reason in the delivery log), feedback without a theme, and review SLAs at risk.
 */
export async function opsSection(ctx: Context): Promise<Extract<THomeSection, { kind: 'ops' }>> {
  const { timeZone } = await ctx.settings();
  const today = todayIn(timeZone, ctx.now);
  const week = currentWeekKey(ctx.now, timeZone);
  const board = await cycleBoard(ctx.db, week, ctx.now);
  const { items } = await listReleases(ctx.db, { limit: 200, from: today });
  const late = items.filter(
    (r) =>
      r.distributeBy !== null &&
      r.distributeBy < today &&
      r.distributedOn === null &&
      r.status !== 'launched' &&
      r.status !== 'rolled_back',
  );
  const [dead] = await ctx.db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'dead'));
  const since = new Date(`${addDays(today, -UNTRIAGED_DAYS)}T00:00:00Z`);
  const [untagged] = await ctx.db
    .select({ n: count() })
    .from(insightItems)
    .where(and(isNull(insightItems.theme), gte(insightItems.occurredAt, since)));
  const reviews = await listReviews(ctx.db, ctx.now);
  return {
    kind: 'ops',
    week,
    missingUpdates: board.areas
      .filter((a) => a.status === 'missing')
      .map((a) => ({ areaName: a.areaName, pmName: a.pmName })),
    lateBundles: late.map((r) => ({
      label: r.title,
      detail: `Distribute-by was ${dayText(r.distributeBy!)} · launches ${dayText(r.targetDate)}`,
      href: `/releases/${r.id}`,
    })),
    failedDeliveries: {
      label: 'Messages that could not be delivered',
      count: dead?.n ?? 0,
      href: '/deliveries',
    },
    untriagedFeedback: {
      label: `Feedback without a theme (last ${UNTRIAGED_DAYS} days)`,
      count: untagged?.n ?? 0,
      href: '/insights',
    },
    slasAtRisk: reviews
      .filter((r) => r.sla === 'waiting' || r.sla === 'overdue')
      .map((r) => ({
        label: `Roadmap Review of ${dayText(r.localDate)}`,
        detail:
          r.sla === 'overdue'
            ? 'Stakeholder view not republished within 24 h: overdue'
            : 'Stakeholder view to republish within 24 h of the review',
        href: `/roadmap/reviews/${r.occurrenceId}`,
      })),
  };
}
