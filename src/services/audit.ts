import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import { decodeCursor, encodeCursor } from './paging.ts';

export interface AuditInput {
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  change: unknown;
}

/** Call inside the transaction that makes the change, so the log and the data never disagree. */
export async function recordAudit(tx: Db, input: AuditInput): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: input.actor.personId,
    actorLabel: input.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    change: input.change ?? {},
  });
}

/** Only the fields whose values differ, as {field: {from, to}}: what a reader of the log wants to see. */
export function diffFields<T extends object>(
  before: T,
  after: T,
): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      out[key] = { from: before[key], to: after[key] };
  }
  return out;
}

export async function listAudit(
  db: Db,
  opts: { entityType?: string; entityId?: string; limit: number; cursor?: string },
) {
  const before = decodeCursor(opts.cursor);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        opts.entityType ? eq(auditLog.entityType, opts.entityType) : undefined,
        opts.entityId ? eq(auditLog.entityId, opts.entityId) : undefined,
        before !== null ? lt(auditLog.id, before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actorId: r.actorId,
      actorLabel: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      change: r.change,
    })),
    nextCursor: rows.length > opts.limit && last ? encodeCursor(last.id) : null,
  };
}
