import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, followUps } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export async function listFollowUps(db: Db, opts: { status?: 'open' | 'closed'; areaId?: string }) {
  const rows = await db
    .select({ f: followUps, areaName: areas.name })
    .from(followUps)
    .leftJoin(areas, eq(areas.id, followUps.areaId))
    .where(
      and(
        opts.status ? eq(followUps.status, opts.status) : undefined,
        opts.areaId ? eq(followUps.areaId, opts.areaId) : undefined,
      ),
    )
    .orderBy(desc(followUps.createdAt));
  return rows.map(({ f, areaName }) => ({
    id: f.id,
    source: f.source,
    areaId: f.areaId,
    areaName,
    title: f.title,
    assigneeIds: f.assigneeIds,
    status: f.status,
    createdAt: f.createdAt.toISOString(),
    closedAt: f.closedAt?.toISOString() ?? null,
  }));
}

export async function getFollowUp(db: Db, id: string) {
  const [row] = await db.select().from(followUps).where(eq(followUps.id, id));
  return row ?? null;
}

/** A follow-up stays visible until its PM, eng lead or Product Ops closes it. */
export async function closeFollowUp(opts: { db: Db; actor: Actor; id: string; now: Date }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(followUps).where(eq(followUps.id, opts.id));
    if (!row) throw notFound('follow-up');
    if (row.status === 'closed') throw new AppError('conflict', 'this follow-up is already closed');
    await tx
      .update(followUps)
      .set({ status: 'closed', closedAt: opts.now, closedBy: opts.actor.label })
      .where(eq(followUps.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'follow_up.close',
      entityType: 'follow_up',
      entityId: opts.id,
      change: { status: { from: 'open', to: 'closed' } },
    });
  });
}
