import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { areas, channels, people, personPrefs, subscriptions } from '../../db/schema/index.ts';
import { DEFAULTS_BY_FUNCTION } from '../../domain/delivery/defaults.ts';
import type { TArtifactKind } from '../../shared/delivery.ts';
import { forbidden, invalid, notFound } from '../../shared/errors.ts';
import type { TFunction } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { isOrgManager } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { prefsOf, type Via } from './recipients.ts';

export interface SubscriptionInput {
  kind: TArtifactKind;
  channelId?: string;
  areaId?: string | null;
  tiers?: number[] | null;
  enabled?: boolean;
  toleranceDays?: number | null;
}

async function listFor(db: Db, where: SQL | undefined) {
  const rows = await db
    .select({ s: subscriptions, channelName: channels.name, areaName: areas.name })
    .from(subscriptions)
    .leftJoin(channels, eq(channels.id, subscriptions.channelId))
    .leftJoin(areas, eq(areas.id, subscriptions.areaId))
    .where(where);
  return rows.map(({ s, channelName, areaName }) => ({
    id: s.id,
    personId: s.personId,
    channelId: s.channelId,
    channelName,
    kind: s.kind,
    areaId: s.areaId,
    areaName,
    tiers: s.tiers,
    enabled: s.enabled,
    toleranceDays: s.toleranceDays,
  }));
}

/** Yours, or (for Product Ops and up, with `all`) every person's and channel's. */
export async function listSubscriptions(db: Db, actor: Actor, all: boolean) {
  if (all && isOrgManager(actor)) return listFor(db, undefined);
  return listFor(db, eq(subscriptions.personId, actor.personId ?? ''));
}

export async function createSubscription(opts: { db: Db; actor: Actor; input: SubscriptionInput }) {
  const { input, actor } = opts;
  if (input.channelId && !isOrgManager(actor))
    throw forbidden('only Product Ops manages what channels receive');
  if (!input.channelId && !actor.personId)
    throw invalid([{ path: 'channelId', message: 'is required when not acting as a person' }]);
  return opts.db.transaction(async (tx) => {
    const errors: { path: string; message: string }[] = [];
    if (input.channelId && !(await tx.select().from(channels).where(eq(channels.id, input.channelId)))[0])
      errors.push({ path: 'channelId', message: 'is not a known channel' });
    if (input.areaId && !(await tx.select().from(areas).where(eq(areas.id, input.areaId)))[0])
      errors.push({ path: 'areaId', message: 'is not a known area' });
    if (errors.length) throw invalid(errors);
    const [row] = await tx
      .insert(subscriptions)
      .values({
        kind: input.kind,
        personId: input.channelId ? null : actor.personId,
        channelId: input.channelId ?? null,
        areaId: input.areaId ?? null,
        tiers: input.tiers ?? null,
        enabled: input.enabled ?? true,
        toleranceDays: input.toleranceDays ?? null,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      action: 'subscription.create',
      entityType: 'subscription',
      entityId: row!.id,
      change: input,
    });
    return (await listFor(tx, eq(subscriptions.id, row!.id)))[0]!;
  });
}

/** A roadmap subscriber changes how far an item must move before they hear about it. */
export async function updateSubscription(opts: {
  db: Db;
  actor: Actor;
  id: string;
  toleranceDays: number | null;
}) {
  return opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, opts.id));
    if (!row) throw notFound('subscription');
    if (row.personId !== opts.actor.personId && !isOrgManager(opts.actor))
      throw forbidden('this subscription is not yours');
    if (row.kind !== 'roadmap')
      throw invalid([{ path: 'toleranceDays', message: 'only roadmap subscriptions have a move tolerance' }]);
    await tx
      .update(subscriptions)
      .set({ toleranceDays: opts.toleranceDays })
      .where(eq(subscriptions.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'subscription.update',
      entityType: 'subscription',
      entityId: opts.id,
      change: { toleranceDays: { from: row.toleranceDays, to: opts.toleranceDays } },
    });
    return (await listFor(tx, eq(subscriptions.id, opts.id)))[0]!;
  });
}

export async function deleteSubscription(opts: { db: Db; actor: Actor; id: string }) {
  await opts.db.transaction(async (tx) => {
    const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, opts.id));
    if (!row) throw notFound('subscription');
    if (row.personId !== opts.actor.personId && !isOrgManager(opts.actor))
      throw forbidden('this subscription is not yours');
    await tx.delete(subscriptions).where(eq(subscriptions.id, opts.id));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'subscription.delete',
      entityType: 'subscription',
      entityId: opts.id,
      change: { deleted: row },
    });
  });
}

export async function getPreferences(db: Db, personId: string) {
  const prefs = await prefsOf(db, personId);
  const [person] = await db.select({ fn: people.function }).from(people).where(eq(people.id, personId));
  return {
    via: prefs.via,
    emailUnsubscribed: prefs.emailUnsubscribedAt !== null,
    defaults: DEFAULTS_BY_FUNCTION[(person?.fn ?? 'exec') as TFunction].map((d) => ({
      kind: d.kind,
      tiers: d.tiers ?? null,
    })),
    subscriptions: await listFor(db, eq(subscriptions.personId, personId)),
  };
}

export async function updatePreferences(opts: {
  db: Db;
  actor: Actor;
  via: Via[];
  emailUnsubscribed?: boolean;
  now: Date;
}) {
  const personId = opts.actor.personId!;
  await opts.db.transaction(async (tx) => {
    const before = await prefsOf(tx, personId);
    const set: Partial<typeof personPrefs.$inferInsert> = { via: opts.via };
    if (opts.emailUnsubscribed !== undefined)
      set.emailUnsubscribedAt = opts.emailUnsubscribed ? (before.emailUnsubscribedAt ?? opts.now) : null;
    await tx.update(personPrefs).set(set).where(eq(personPrefs.personId, personId));
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'preferences.update',
      entityType: 'person',
      entityId: personId,
      change: { via: { from: before.via, to: opts.via }, emailUnsubscribed: opts.emailUnsubscribed },
    });
  });
  return getPreferences(opts.db, personId);
}
