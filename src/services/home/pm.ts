import { and, asc, eq, lte } from 'drizzle-orm';
import { decisions } from '../../db/schema/index.ts';
import { dayText } from '../../domain/roadmap/follow-release.ts';
import { addDays, currentWeekKey, todayIn } from '../../shared/calendar.ts';
import type { THomeSection } from '../../shared/home.ts';
import type { Context } from '../context.ts';
import { listRoutings } from '../insights/triage.ts';
import { releaseGateOf } from '../releases/gate.ts';
import { listReleases } from '../releases/releases.ts';
import { cycleBoard } from '../updates/submissions.ts';

/** Decisions coming up for review within a week are worth seeing now. */
const DECISION_HORIZON_DAYS = 7;

/** What a PM's release needs next: the gate's first blocking reason, with its bundle deadlines. */
function deadlinesText(r: {
  distributeBy: string | null;
  publishBy: string | null;
  distributedOn: string | null;
}) {
  const parts = [
    r.distributeBy && !r.distributedOn ? `distribute bundle by ${dayText(r.distributeBy)}` : null,
    r.publishBy ? `publish by ${dayText(r.publishBy)}` : null,
  ].filter((p): p is string => p !== null);
  return parts.join(' · ');
}

/**
 * The cycle a PM is writing for: this week's until it is published (or its publish time passed), then next
 * week's, so on a Friday the home says when the next update is due rather than "overdue".
 */
async function myCycle(ctx: Context, timeZone: string) {
  const board = await cycleBoard(ctx.db, currentWeekKey(ctx.now, timeZone), ctx.now);
  if (board.publishedAt === null && Date.parse(board.publishAt) > ctx.now.getTime()) return board;
  return cycleBoard(ctx.db, currentWeekKey(new Date(ctx.now.getTime() + 7 * 86_400_000), timeZone), ctx.now);
}

/**
 * A PM's home: their weekly updates this cycle (due or submitted), their releases' next steps and deadlines,
 * routed insights awaiting their disposition, and their decisions due for review.
 */
export async function pmSection(ctx: Context): Promise<Extract<THomeSection, { kind: 'pm' }>> {
  const me = ctx.actor?.personId ?? '';
  const { timeZone } = await ctx.settings();
  const today = todayIn(timeZone, ctx.now);
  const board = await myCycle(ctx, timeZone);
  const { week } = board;
  const updates = board.areas
    .filter((a) => a.pmId === me)
    .map((a) => ({
      areaId: a.areaId,
      areaName: a.areaName,
      week,
      dueAt: board.dueAt,
      submittedAt: a.submittedAt,
      status: a.status,
      href: `/updates/${week}/areas/${a.areaId}`,
    }));
  const { items } = await listReleases(ctx.db, { limit: 200, from: today });
  const releases = [];
  for (const r of items.filter(
    (x) => x.pmOwnerId === me && x.status !== 'launched' && x.status !== 'rolled_back',
  )) {
    const gate = await releaseGateOf(ctx.db, r, ctx.now);
    const next = gate.reasons[0] ?? 'Ready to launch';
    const due = deadlinesText(r);
    releases.push({
      label: `${r.title} — launches ${dayText(r.targetDate)}`,
      detail: due ? `Next: ${next} · ${due}` : `Next: ${next}`,
      href: `/releases/${r.id}`,
    });
  }
  const routings = await listRoutings(ctx.db, { open: true, ownerId: me });
  const due = await ctx.db
    .select({
      id: decisions.id,
      number: decisions.number,
      title: decisions.title,
      review: decisions.nextReviewDate,
    })
    .from(decisions)
    .where(
      and(
        eq(decisions.ownerId, me),
        eq(decisions.status, 'active'),
        lte(decisions.nextReviewDate, addDays(today, DECISION_HORIZON_DAYS)),
      ),
    )
    .orderBy(asc(decisions.nextReviewDate));
  return {
    kind: 'pm',
    updates,
    releases,
    insights: routings.map((r) => ({
      label: r.evidence.label ?? r.theme,
      detail: `Routed in week ${r.week.replace(/^\d{4}-W/, '')}${r.areaName ? ` · ${r.areaName}` : ''}`,
      href: `/insights/routings/${r.id}`,
    })),
    decisions: due.map((d) => ({
      label: `Decision ${d.number}: ${d.title}`,
      detail: d.review ? `Review ${d.review < today ? 'was due' : 'due'} ${dayText(d.review)}` : 'Review due',
      href: `/decisions/${d.id}`,
    })),
  };
}
