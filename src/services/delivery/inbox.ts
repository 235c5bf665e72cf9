import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inboxItems } from '../../db/schema/index.ts';
import { type OutgoingMessage, withRepliesInline } from '../../integrations/message.ts';
import { notFound } from '../../shared/errors.ts';
import { decodeCursor, pageOf } from '../paging.ts';

export async function listInbox(db: Db, personId: string, opts: { limit: number; cursor?: string }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const rows = await db
    .select()
    .from(inboxItems)
    .where(eq(inboxItems.personId, personId))
    .orderBy(desc(inboxItems.createdAt), desc(inboxItems.id))
    .limit(opts.limit + 1)
    .offset(offset);
  const [unread] = await db
    .select({ n: count() })
    .from(inboxItems)
    .where(and(eq(inboxItems.personId, personId), isNull(inboxItems.readAt)));
  const page = pageOf(rows, opts.limit, offset);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      // The inbox shows one message: its replies (the weekly update's areas) as sections after its own.
      message: withRepliesInline(r.message as OutgoingMessage) as never,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: unread?.n ?? 0,
    nextCursor: page.nextCursor,
  };
}

/** Reading is not audited: it changes nothing anyone else sees. */
export async function markRead(db: Db, personId: string, id: string | 'all', now: Date) {
  const where =
    id === 'all'
      ? and(eq(inboxItems.personId, personId), isNull(inboxItems.readAt))
      : and(eq(inboxItems.personId, personId), eq(inboxItems.id, id));
  const updated = await db
    .update(inboxItems)
    .set({ readAt: now })
    .where(where)
    .returning({ id: inboxItems.id });
  if (id !== 'all' && updated.length === 0) throw notFound('inbox item');
}
