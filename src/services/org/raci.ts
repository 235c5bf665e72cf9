import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { raciEntries } from '../../db/schema/index.ts';
import type { TRaciEntry } from '../../shared/org.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export async function listRaci(db: Db): Promise<TRaciEntry[]> {
  const rows = await db.select().from(raciEntries).orderBy(asc(raciEntries.position));
  return rows.map(({ activity, responsible, accountable, consulted, informed }) => ({
    activity,
    responsible,
    accountable,
    consulted,
    informed,
  }));
}

/** The matrix is edited as a whole (it is one table on one page), so a write replaces it. */
export async function replaceRaci(opts: {
  db: Db;
  actor: Actor;
  items: TRaciEntry[];
}): Promise<TRaciEntry[]> {
  return opts.db.transaction(async (tx) => {
    const before = await listRaci(tx);
    if (JSON.stringify(before) === JSON.stringify(opts.items)) return before;
    await tx.delete(raciEntries);
    if (opts.items.length > 0) {
      await tx.insert(raciEntries).values(opts.items.map((entry, position) => ({ ...entry, position })));
    }
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'raci.replace',
      entityType: 'raci',
      entityId: 'org',
      change: { from: before, to: opts.items },
    });
    return opts.items;
  });
}
