import type { Db } from '../../db/client.ts';
import { type BundleSections, bundleChecklist } from '../../domain/releases/bundle.ts';
import {
  DEFAULT_GATE_CHECKS,
  evaluateGate,
  type GateCheck,
  type GateContext,
} from '../../domain/releases/gate.ts';
import { todayIn } from '../../shared/calendar.ts';
import { notFound } from '../../shared/errors.ts';
import { getSettings } from '../org/settings.ts';
import { bundleRow } from './bundle.ts';
import { listDecisions, listSignOffs } from './readiness.ts';
import { getRelease } from './releases.ts';
import { leadTimeOf, tierRule } from './schedule.ts';

/**
 * Extra checks later policies register (Polish Mode holds Tier 2/3 releases of an area); each sees the same
 * context and adds its own readable reasons.
 */
const extraChecks: GateCheck[] = [];
export function registerGateCheck(check: GateCheck): void {
  if (!extraChecks.some((c) => c.id === check.id)) extraChecks.push(check);
}

/** Everything the gate looks at, as of `now` in the org's time zone. */
export async function gateContext(db: Db, releaseId: string, now: Date): Promise<GateContext> {
  const release = await getRelease(db, releaseId);
  if (!release) throw notFound('release');
  const settings = await getSettings(db);
  const today = todayIn(settings.timeZone, now);
  const bundle = await bundleRow(db, releaseId);
  const rule = tierRule(settings, release.tier);
  const [decision] = await listDecisions(db, releaseId);
  return {
    release: {
      id: release.id,
      title: release.title,
      tier: release.tier,
      status: release.status,
      targetDate: release.targetDate,
    },
    rule,
    today,
    leadTime: leadTimeOf(settings, release, bundle, today),
    checklist: bundleChecklist((bundle?.sections ?? {}) as BundleSections, rule?.requiredSections ?? []),
    signOffs: (await listSignOffs(db, releaseId)).map((s) => ({ kind: s.kind, by: s.by, at: s.at })),
    decision: decision
      ? { decision: decision.decision, by: decision.by, reason: decision.reason, at: decision.at }
      : null,
  };
}

/** Ready to ship, or the list of what is missing: what a CI/CD pipeline asks before deploying. */
export async function releaseGate(db: Db, releaseId: string, now: Date) {
  const ctx = await gateContext(db, releaseId, now);
  return {
    ...evaluateGate(ctx, [...DEFAULT_GATE_CHECKS, ...extraChecks]),
    title: ctx.release.title,
    today: ctx.today,
  };
}
