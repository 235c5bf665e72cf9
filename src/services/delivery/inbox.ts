import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inboxItems, readinessLinks, releases } from '../../db/schema/index.ts';
import {
  type ActionState,
  readinessActionState,
  readinessToken,
} from '../../domain/delivery/inbox-actions.ts';
import { type OutgoingMessage, withRepliesInline } from '../../integrations/message.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TInboxAction } from '../../shared/delivery.ts';
import { notFound } from '../../shared/errors.ts';
import { getSettings } from '../org/settings.ts';
import { decodeCursor, pageOf } from '../paging.ts';

type Action = { label: string; url: string };

/** The state of every "I'm ready" link among these actions, by token, as of the org's today. */
async function readinessStates(db: Db, actions: Action[], now: Date): Promise<Map<string, ActionState>> {
  const tokens = [...new Set(actions.flatMap((a) => readinessToken(a.url) ?? []))];
  const out = new Map<string, ActionState>();
  if (!tokens.length) return out;
  const rows = await db
    .select({
      token: readinessLinks.token,
      status: releases.status,
      targetDate: releases.targetDate,
      launchedOn: releases.launchedOn,
    })
    .from(readinessLinks)
    .innerJoin(releases, eq(releases.id, readinessLinks.releaseId))
    .where(inArray(readinessLinks.token, tokens));
  const today = todayIn((await getSettings(db)).timeZone, now);
  for (const r of rows) out.set(r.token, readinessActionState(r, today));
  return out;
}

/** Each action with whether it is still open: the one place the inbox's stale-action rule is applied. */
export async function inboxActions(
  db: Db,
  messages: OutgoingMessage[],
  now: Date,
): Promise<TInboxAction[][]> {
  const states = await readinessStates(
    db,
    messages.flatMap((m) => m.actions ?? []),
    now,
  );
  return messages.map((m) =>
    (m.actions ?? []).map((a) => {
      const token = readinessToken(a.url);
      const state = (token && states.get(token)) || { open: true, closedReason: null };
      return { label: a.label, url: a.url, ...state };
    }),
  );
}

export async function listInbox(
  db: Db,
  personId: string,
  opts: { limit: number; cursor?: string; now: Date },
) {
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
  // The inbox shows one message: its replies (the weekly update's areas) as sections after its own.
  const messages = page.items.map((r) => withRepliesInline(r.message as OutgoingMessage));
  const actions = await inboxActions(db, messages, opts.now);
  return {
    items: page.items.map((r, i) => ({
      id: r.id,
      kind: r.kind,
      message: messages[i] as never,
      actions: actions[i] ?? [],
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
