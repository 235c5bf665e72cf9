import { and, asc, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, people, podMembers, pods, releases } from '../../db/schema/index.ts';
import { type Launch, launchesPerWeek, leadTime, weeklyRate } from '../../domain/velocity/throughput.ts';
import { addWeeks, currentWeekKey, todayIn, weekDates } from '../../shared/calendar.ts';
import type { TPodVelocity } from '../../shared/velocity.ts';
import type { Context } from '../context.ts';
import { contractSummaries } from '../org/contracts.ts';

/** Every pod's launches per week over the last `weeks` weeks and its lead time from contract sign-off. */
export async function velocityOverview(
  ctx: Context,
  o: { weeks: number },
): Promise<{ pods: TPodVelocity[] }> {
  const { timeZone } = await ctx.settings();
  const thisWeek = currentWeekKey(ctx.now, timeZone);
  const from = weekDates(addWeeks(thisWeek, 1 - o.weeks)).monday;
  const rows = await podRows(ctx.db);
  const areaIds = [...new Set(rows.flatMap((p) => (p.areaId ? [p.areaId] : [])))];
  // The pods list's contract summaries: each current contract's full sign-off day, in two queries for all pods.
  const summaries = await contractSummaries(
    ctx.db,
    rows.map((p) => p.id),
  );
  const signed = new Map(
    [...summaries].flatMap(([podId, c]) => (c.signedOn ? [[podId, c.signedOn] as const] : [])),
  );
  // Lead time looks back to a sign-off older than the weeks shown.
  const since = [from, ...signed.values()].sort()[0]!;
  const launches = await launchesOf(ctx.db, areaIds, since);
  const engineers = await engineersPerPod(ctx.db);
  const today = todayIn(timeZone, ctx.now);
  return {
    pods: rows.map((pod) => {
      const mine = launches.filter((l) => l.areaId === pod.areaId);
      const weeks = launchesPerWeek(mine, thisWeek, o.weeks);
      return {
        pod,
        engineers: engineers.get(pod.id) ?? 0,
        weeks,
        perWeek: weeklyRate(weeks),
        leadTime: leadTime(signed.get(pod.id) ?? null, mine, today),
      };
    }),
  };
}

export function podRows(db: Db, podId?: string) {
  return db
    .select({ id: pods.id, name: pods.name, areaId: pods.areaId, areaName: areas.name })
    .from(pods)
    .leftJoin(areas, eq(areas.id, pods.areaId))
    .where(podId ? eq(pods.id, podId) : undefined)
    .orderBy(asc(pods.name));
}

/** Active engineers per pod: the people × weeks the menu plans with. */
export async function engineersPerPod(db: Db, podId?: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ podId: podMembers.podId })
    .from(podMembers)
    .innerJoin(people, eq(people.id, podMembers.personId))
    .where(
      and(
        eq(podMembers.role, 'engineer'),
        eq(people.active, true),
        podId ? eq(podMembers.podId, podId) : undefined,
      ),
    );
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.podId, (out.get(r.podId) ?? 0) + 1);
  return out;
}

async function launchesOf(db: Db, areaIds: string[], from: string): Promise<(Launch & { areaId: string })[]> {
  if (areaIds.length === 0) return [];
  const rows = await db
    .select({
      releaseId: releases.id,
      title: releases.title,
      launchedOn: releases.launchedOn,
      areaId: releases.areaId,
    })
    .from(releases)
    .where(
      and(inArray(releases.areaId, areaIds), isNotNull(releases.launchedOn), gte(releases.launchedOn, from)),
    )
    .orderBy(asc(releases.launchedOn));
  return rows.map((r) => ({ ...r, launchedOn: r.launchedOn!, areaId: r.areaId! }));
}
