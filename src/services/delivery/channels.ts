import { asc, eq, ilike, or } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { channels } from '../../db/schema/index.ts';
import { slackWebhookUrlProblem } from '../../integrations/slack/validate.ts';
import { type TChannelInput, ZChannelInput } from '../../shared/delivery.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { containsPattern, decodeCursor, pageOf } from '../paging.ts';

type ChannelRow = typeof channels.$inferSelect;

export interface ChannelView {
  id: string;
  kind: 'slack' | 'email_list';
  name: string;
  webhookHost: string | null;
  slackChannelId: string | null;
  email: string | null;
}

export function toChannelView(c: ChannelRow): ChannelView {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    webhookHost: c.webhookUrl ? new URL(c.webhookUrl).host : null,
    slackChannelId: c.slackChannelId,
    email: c.email,
  };
}

/** Webhook hosts are checked here (not in the schema) because which hosts are allowed is deployment config. */
export function checkChannel(input: Partial<TChannelInput>, opts: { allowAnyWebhookHost: boolean }) {
  const problem = input.webhookUrl
    ? slackWebhookUrlProblem(input.webhookUrl, { allowAnyHost: opts.allowAnyWebhookHost })
    : null;
  if (problem) throw invalid([{ path: 'webhookUrl', message: problem }]);
}

/** `q`: text in the name or the kind ("slack"), any case. */
export async function listChannels(db: Db, opts: { q?: string; limit: number; cursor?: string }) {
  const offset = decodeCursor(opts.cursor) ?? 0;
  const pattern = opts.q ? containsPattern(opts.q) : null;
  const rows = await db
    .select()
    .from(channels)
    .where(pattern ? or(ilike(channels.name, pattern), ilike(channels.kind, pattern)) : undefined)
    .orderBy(asc(channels.kind), asc(channels.name))
    .limit(opts.limit + 1)
    .offset(offset);
  const page = pageOf(rows, opts.limit, offset);
  return { items: page.items.map(toChannelView), nextCursor: page.nextCursor };
}

export async function getChannel(db: Db, id: string): Promise<ChannelView | null> {
  const [row] = await db.select().from(channels).where(eq(channels.id, id));
  return row ? toChannelView(row) : null;
}

async function assertNameFree(db: Db, kind: string, name: string, exceptId?: string) {
  const rows = await db
    .select({ id: channels.id, kind: channels.kind })
    .from(channels)
    .where(eq(channels.name, name));
  if (rows.some((r) => r.kind === kind && r.id !== exceptId)) {
    throw new AppError('conflict', `a channel named ${name} already exists`, [
      { path: 'name', message: 'is already used by another channel' },
    ]);
  }
}

export async function createChannel(opts: {
  db: Db;
  actor: Actor;
  input: TChannelInput;
  allowAnyWebhookHost: boolean;
}) {
  checkChannel(opts.input, opts);
  return opts.db.transaction(async (tx) => {
    await assertNameFree(tx, opts.input.kind, opts.input.name);
    const [row] = await tx.insert(channels).values(opts.input).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'channel.create',
      entityType: 'channel',
      entityId: row!.id,
      change: toChannelView(row!),
    });
    return toChannelView(row!);
  });
}

export async function updateChannel(opts: {
  db: Db;
  actor: Actor;
  id: string;
  patch: Partial<TChannelInput>;
  allowAnyWebhookHost: boolean;
}) {
  checkChannel(opts.patch, opts);
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(channels).where(eq(channels.id, opts.id));
    if (!before) throw notFound('channel');
    const merged = ZChannelInput.safeParse({
      kind: before.kind,
      name: before.name,
      webhookUrl: before.webhookUrl,
      slackChannelId: before.slackChannelId,
      email: before.email,
      ...opts.patch,
    });
    if (!merged.success)
      throw invalid(merged.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    if (opts.patch.name) await assertNameFree(tx, opts.patch.kind ?? before.kind, opts.patch.name, opts.id);
    const [after] = await tx.update(channels).set(opts.patch).where(eq(channels.id, opts.id)).returning();
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'channel.update',
      entityType: 'channel',
      entityId: opts.id,
      change: { from: toChannelView(before), to: toChannelView(after!) },
    });
    return toChannelView(after!);
  });
}

export async function deleteChannel(opts: { db: Db; actor: Actor; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.delete(channels).where(eq(channels.id, opts.id)).returning();
    if (!row) throw notFound('channel');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'channel.delete',
      entityType: 'channel',
      entityId: opts.id,
      change: { deleted: toChannelView(row) },
    });
  });
}
