import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { inboxItems, releases } from '../../db/schema/index.ts';
import { type ActionState, readinessActionState } from '../../domain/delivery/inbox-actions.ts';
import { type OutgoingAction, type OutgoingMessage, withRepliesInline } from '../../integrations/message.ts';
import { todayIn } from '../../shared/calendar.ts';
import type { TInboxAction } from '../../shared/delivery.ts';
import { notFound } from '../../shared/errors.ts';
import { getSettings } from '../org/settings.ts';
import { decodeCursor, pageOf } from '../paging.ts';

/** The state of every "I'm ready" among these actions, by release, as of the org's today. */
async function readinessStates(
  db: Db,
  actions: OutgoingAction[],
  now: Date,
): Promise<Map<string, ActionState>> {
  const ids = [...new Set(actions.flatMap((a) => (a.readiness ? [a.readiness.releaseId] : [])))];
  const out = new Map<string, ActionState>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: releases.id,
      status: releases.status,
      targetDate: releases.targetDate,
      launchedOn: releases.launchedOn,
    })
    .from(releases)
    .where(inArray(releases.id, ids));
  const today = todayIn((await getSettings(db)).timeZone, now);
  for (const r of rows) out.set(r.id, readinessActionState(r, today));
  return out;
}

const GONE: ActionState = { open: false, closedReason: 'The release was removed — no sign-off needed' };

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
      // An "I'm ready" is answered here signed in: the inbox's copy carries no one-click link.
      if (!a.readiness) return { label: a.label, url: a.url, open: true, closedReason: null, signOff: null };
      const state = states.get(a.readiness.releaseId) ?? GONE;
      return { label: a.label, url: a.url, ...state, signOff: a.readiness };
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
