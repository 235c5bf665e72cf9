import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { roadmapItems } from '../../db/schema/index.ts';
import { type MenuItem, tradeOffMenu } from '../../domain/velocity/menu.ts';
import { todayIn } from '../../shared/calendar.ts';
import { notFound } from '../../shared/errors.ts';
import type { TTradeOffMenu } from '../../shared/velocity.ts';
import type { Context } from '../context.ts';
import { sizesOf } from '../roadmap/sizes.ts';
import { engineersPerPod, podRows } from './throughput.ts';

/** What is still to do: shipped, paused and dropped items are not on the menu. */
const OPEN_STATUSES = ['exploring', 'planned', 'in_progress'];

/** The Head of Product's menu for one pod: its engineers × the horizon against its area's open items. */
export async function podMenu(ctx: Context, o: { podId: string; weeks: number }): Promise<TTradeOffMenu> {
  const [pod] = await podRows(ctx.db, o.podId);
  if (!pod) throw notFound('pod');
  const { timeZone } = await ctx.settings();
  const today = todayIn(timeZone, ctx.now);
  const items = pod.areaId ? await openItems(ctx.db, pod.areaId) : [];
  const engineers = (await engineersPerPod(ctx.db, pod.id)).get(pod.id) ?? 0;
  const menu = tradeOffMenu({ items, engineers, horizonWeeks: o.weeks, today });
  return { pod: { id: pod.id, name: pod.name, areaName: pod.areaName }, today, ...menu };
}

/** The area's open items in the roadmap's order (in progress first, then by earliest date), with their sizes. */
async function openItems(db: Db, areaId: string): Promise<MenuItem[]> {
  const rows = await db
    .select({ id: roadmapItems.id, title: sql<string>`${roadmapItems.state}->>'title'` })
    .from(roadmapItems)
    .where(
      and(eq(roadmapItems.areaId, areaId), inArray(sql`${roadmapItems.state}->>'status'`, OPEN_STATUSES)),
    )
    .orderBy(
      sql`${roadmapItems.state}->>'status' <> 'in_progress'`,
      sql`${roadmapItems.state}->>'earliest'`,
      asc(roadmapItems.id),
    );
  const sizes = await sizesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, sizeWeeks: sizes.get(r.id) ?? null }));
}
