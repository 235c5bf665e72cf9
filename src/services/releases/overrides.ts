import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people, releaseGateOverrides, releases } from '../../db/schema/index.ts';
import { isActiveOverride } from '../../domain/releases/gate.ts';
import { AppError, forbidden, invalid, notFound } from '../../shared/errors.ts';
import { MAX_OVERRIDE_DAYS } from '../../shared/release-detail.ts';
import { type Actor, hasRole } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { watchGate } from '../webhooks/events.ts';
import { gateChecks } from './gate.ts';

const DAY_MS = 86_400_000;
const REASON_MAX = 500;

type OverrideRow = typeof releaseGateOverrides.$inferSelect;

/** One override as the release page shows it; `active` as of the instant it was read. */
function present(row: OverrideRow, now: Date) {
  const label = gateChecks().find((c) => c.id === row.checkId)?.label ?? row.checkId;
  return {
    id: row.id,
    checkId: row.checkId,
    checkLabel: label,
    reason: row.reason,
    by: row.byLabel,
    personId: row.byPersonId,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedByLabel,
    active:
      row.revokedAt === null &&
      isActiveOverride({ expiresAt: row.expiresAt.toISOString() }, now.toISOString()),
  };
}
export type GateOverrideView = ReturnType<typeof present>;

/** Accepting a failing check's risk is the accountable role's call (SPEC), not any manager's. */
function mayOverride(actor: Actor): void {
  if (!hasRole(actor, 'head_of_product'))
    throw forbidden('only the Head of Product may override or revoke a release gate check');
}

function checkInput(o: { checkId: string; reason: string; expiresAt: Date; now: Date }): string {
  const fields = [];
  const known = gateChecks().filter((c) => c.overridable);
  if (!known.some((c) => c.id === o.checkId))
    fields.push({
      path: 'checkId',
      message: `is not a gate check that may be overridden (known: ${known.map((c) => c.id).join(', ')})`,
    });
  const reason = o.reason.trim();
  if (!reason) fields.push({ path: 'reason', message: 'say why the release may ship without it' });
  if (reason.length > REASON_MAX)
    fields.push({ path: 'reason', message: `must be at most ${REASON_MAX} characters` });
  const ms = o.expiresAt.getTime();
  if (Number.isNaN(ms) || ms <= o.now.getTime())
    fields.push({ path: 'expiresAt', message: 'must be in the future' });
  else if (ms > o.now.getTime() + MAX_OVERRIDE_DAYS * DAY_MS)
    fields.push({ path: 'expiresAt', message: `must be at most ${MAX_OVERRIDE_DAYS} days ahead` });
  if (fields.length) throw invalid(fields);
  return reason;
}

export interface OverrideOptions {
  db: Db;
  actor: Actor;
  releaseId: string;
  checkId: string;
  reason: string;
  expiresAt: Date;
  now: Date;
}

/** The person's name as the gate line says it ("overridden by Hana Okafor"), not their sign-in email. */
async function nameOf(tx: Db, actor: Actor): Promise<string> {
  if (!actor.personId) return actor.label;
  const [p] = await tx.select({ name: people.name }).from(people).where(eq(people.id, actor.personId));
  return p?.name ?? actor.label;
}

/** Locks the release row so two overrides of one check cannot both stay active. */
async function lockRelease(tx: Db, releaseId: string): Promise<void> {
  const [row] = await tx
    .select({ id: releases.id })
    .from(releases)
    .where(eq(releases.id, releaseId))
    .for('update');
  if (!row) throw notFound('release');
}

/** Lets one failing check through until `expiresAt`; an active override of the same check is revoked by it. */
export async function overrideGateCheck(o: OverrideOptions): Promise<GateOverrideView> {
  mayOverride(o.actor);
  const reason = checkInput(o);
  return o.db.transaction(async (tx) => {
    await lockRelease(tx, o.releaseId);
    const by = await nameOf(tx, o.actor);
    const replaced = await tx
      .update(releaseGateOverrides)
      .set({ revokedAt: o.now, revokedByLabel: by })
      .where(and(sameCheck(o.releaseId, o.checkId), activeAt(o.now)))
      .returning({ id: releaseGateOverrides.id });
    const [row] = await tx
      .insert(releaseGateOverrides)
      .values({
        releaseId: o.releaseId,
        checkId: o.checkId,
        reason,
        byPersonId: o.actor.personId,
        byLabel: by,
        expiresAt: o.expiresAt,
        createdAt: o.now,
      })
      .returning();
    await recordAudit(tx, {
      actor: o.actor,
      action: 'release.gate_override',
      entityType: 'release',
      entityId: o.releaseId,
      change: {
        overrideId: row!.id,
        checkId: o.checkId,
        reason,
        expiresAt: o.expiresAt.toISOString(),
        replaced: replaced.map((r) => r.id),
      },
    });
    await watchGate(tx, [o.releaseId], o.now);
    // The override ends with no write: the gate is looked at again at that instant.
    await watchGate(tx, [o.releaseId], o.now, o.expiresAt);
    return present(row!, o.now);
  });
}

const sameCheck = (releaseId: string, checkId: string) =>
  and(eq(releaseGateOverrides.releaseId, releaseId), eq(releaseGateOverrides.checkId, checkId));
const activeAt = (now: Date) =>
  and(isNull(releaseGateOverrides.revokedAt), gt(releaseGateOverrides.expiresAt, now));

export interface RevokeOptions {
  db: Db;
  actor: Actor;
  releaseId: string;
  overrideId: string;
  now: Date;
}

/** Ends an active override now: the check blocks again if it still fails. */
export async function revokeGateOverride(o: RevokeOptions): Promise<GateOverrideView> {
  mayOverride(o.actor);
  return o.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(releaseGateOverrides)
      .where(and(eq(releaseGateOverrides.id, o.overrideId), eq(releaseGateOverrides.releaseId, o.releaseId)))
      .for('update');
    if (!row) throw notFound('gate override');
    if (!present(row, o.now).active)
      throw new AppError('conflict', 'this override has already ended (revoked or expired)');
    const [revoked] = await tx
      .update(releaseGateOverrides)
      .set({ revokedAt: o.now, revokedByLabel: await nameOf(tx, o.actor) })
      .where(eq(releaseGateOverrides.id, row.id))
      .returning();
    await recordAudit(tx, {
      actor: o.actor,
      action: 'release.gate_override.revoked',
      entityType: 'release',
      entityId: o.releaseId,
      change: { overrideId: row.id, checkId: row.checkId },
    });
    await watchGate(tx, [o.releaseId], o.now);
    return present(revoked!, o.now);
  });
}

/** The release page's list: active and past overrides, newest first. */
export async function listGateOverrides(db: Db, releaseId: string, now: Date): Promise<GateOverrideView[]> {
  const rows = await db
    .select()
    .from(releaseGateOverrides)
    .where(eq(releaseGateOverrides.releaseId, releaseId))
    .orderBy(desc(releaseGateOverrides.createdAt), desc(releaseGateOverrides.id));
  return rows.map((r) => present(r, now));
}
