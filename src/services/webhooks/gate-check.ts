import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eq, gte, notInArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { releases, webhookGateStates } from '../../db/schema/index.ts';
import { addDays, todayIn } from '../../shared/calendar.ts';
import { getSettings } from '../org/settings.ts';
import { releaseGateOf } from '../releases/gate.ts';
import { getRelease } from '../releases/releases.ts';
import type { ActionHandler } from '../scheduling.ts';
import { anyoneListens, emitEvent, GATE_CHECK } from './events.ts';
import { releaseData } from './payloads.ts';

/** The gate as webhooks are told it: each check met or not, and who let it through until when (never why). */
export interface GateState {
  ready: boolean;
  checks: { id: string; label: string; ok: boolean; overridden: { by: string; until: string } | null }[];
}

function stateOf(gate: Awaited<ReturnType<typeof releaseGateOf>>): GateState {
  return {
    ready: gate.ready,
    checks: gate.checks.map((c) => ({
      id: c.id,
      label: c.label,
      ok: c.ok,
      overridden: c.overridden ? { by: c.overridden.by, until: c.overridden.expiresAt } : null,
    })),
  };
}

/**
 * Compares a release's gate now with what webhooks were last told and, when it differs, records it and emits
 * release.gate_changed in the same transaction (`previous` is null the first time prodops tells of it).
 */
export async function checkGateForWebhooks(tx: Db, releaseId: string, now: Date): Promise<boolean> {
  // Two looks at one release at once (the sweep and a write's check, two instances) would both read the old state
  // and both tell: the release row takes them one at a time (child rows may still be written meanwhile).
  const [locked] = await tx
    .select({ id: releases.id })
    .from(releases)
    .where(eq(releases.id, releaseId))
    .for('no key update');
  if (!locked) return false;
  const release = await getRelease(tx, releaseId);
  if (!release) return false;
  const state = stateOf(await releaseGateOf(tx, release, now));
  const [told] = await tx.select().from(webhookGateStates).where(eq(webhookGateStates.releaseId, releaseId));
  // jsonb keeps its own key order: compare values, not text.
  if (told && isDeepStrictEqual(told.state, state)) return false;
  await tx
    .insert(webhookGateStates)
    .values({ releaseId, state, updatedAt: now })
    .onConflictDoUpdate({ target: webhookGateStates.releaseId, set: { state, updatedAt: now } });
  await emitEvent(tx, {
    type: 'release.gate_changed',
    // Two changes in the same instant are two events: the state is part of the cause.
    key: `gate:${releaseId}:${now.getTime()}:${createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 16)}`,
    title: `${release.title}: the gate ${state.ready ? 'passes' : 'holds it'}`,
    data: { release: releaseData(release), gate: state, previous: (told?.state as GateState) ?? null },
    now,
  });
  return true;
}

/** Launched or rolled back this many days ago, a release's gate is history: the sweep leaves it alone. */
const SWEEP_DAYS_AFTER_LAUNCH = 14;

/**
 * The gate also moves with time alone: a lead-time deadline passes or a readiness date falls due (both at the org's
 * midnight), an override ends (also scheduled at its instant, overrides.ts). The jobs run this every 15 minutes;
 * each release is looked at in its own transaction, and told of only when its gate differs from what webhooks last
 * heard, so a sweep after a sweep tells nothing. With nobody listening it is one query.
 */
export async function sweepGatesForWebhooks(
  db: Db,
  now: Date,
): Promise<{ checked: number; changed: number }> {
  const out = { checked: 0, changed: 0 };
  if (!(await anyoneListens(db, 'release.gate_changed'))) return out;
  const { timeZone } = await getSettings(db);
  const since = addDays(todayIn(timeZone, now), -SWEEP_DAYS_AFTER_LAUNCH);
  const open = await db
    .select({ id: releases.id })
    .from(releases)
    .where(
      or(
        notInArray(releases.status, ['launched', 'rolled_back']),
        gte(sql`coalesce(${releases.launchedOn}, ${releases.targetDate})`, since),
      ),
    );
  for (const { id } of open) {
    out.checked += 1;
    if (await db.transaction((tx) => checkGateForWebhooks(tx, id, now))) out.changed += 1;
  }
  return out;
}

const gateCheckHandler: ActionHandler<typeof GATE_CHECK> = async ({ tx, payload, now }) => {
  await checkGateForWebhooks(tx, payload.releaseId, now);
};

export const WEBHOOK_ACTIONS = { [GATE_CHECK]: gateCheckHandler };
