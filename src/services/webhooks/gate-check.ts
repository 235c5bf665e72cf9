import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { webhookGateStates } from '../../db/schema/index.ts';
import { releaseGateOf } from '../releases/gate.ts';
import { getRelease } from '../releases/releases.ts';
import type { ActionHandler } from '../scheduling.ts';
import { emitEvent, GATE_CHECK } from './events.ts';
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

const gateCheckHandler: ActionHandler<typeof GATE_CHECK> = async ({ tx, payload, now }) => {
  await checkGateForWebhooks(tx, payload.releaseId, now);
};

export const WEBHOOK_ACTIONS = { [GATE_CHECK]: gateCheckHandler };
