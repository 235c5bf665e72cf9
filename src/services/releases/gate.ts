import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { releaseGateOverrides } from '../../db/schema/index.ts';
import { type BundleSections, bundleChecklist } from '../../domain/releases/bundle.ts';
import {
  DEFAULT_GATE_CHECKS,
  evaluateGate,
  type GateCheck,
  type GateContext,
  type GateOverride,
  isOverridable,
} from '../../domain/releases/gate.ts';
import { tierReviewOf } from '../../domain/releases/retier.ts';
import { todayIn } from '../../shared/calendar.ts';
import { notFound } from '../../shared/errors.ts';
import type { TSettings } from '../../shared/settings.ts';
import { getSettings } from '../org/settings.ts';
import { type QualityHolds, qualityHoldsOf } from '../quality/polish.ts';
import { type BundleRow, bundleRow } from './bundle.ts';
import { listDecisions, listSignOffs } from './readiness.ts';
import { getRelease, type ReleaseView } from './releases.ts';
import { leadTimeOf, tierRule } from './schedule.ts';

/**
 * Extra checks later policies register (Polish Mode holds Tier 2/3 releases of an area); each sees the same
 * context and adds its own readable reasons.
 */
const extraChecks: GateCheck[] = [];
export function registerGateCheck(check: GateCheck): void {
  if (!extraChecks.some((c) => c.id === check.id)) extraChecks.push(check);
}

const allChecks = (): GateCheck[] => [...DEFAULT_GATE_CHECKS, ...extraChecks];

/** Every check the gate runs, in its order, with whether the Head of Product may override it. */
export function gateChecks(): { id: string; label: string; overridable: boolean }[] {
  return allChecks().map((c) => ({ id: c.id, label: c.label, overridable: isOverridable(c.id) }));
}

/** The overrides the gate honours at `now`: not revoked and not yet at their end, newest first. */
export async function activeGateOverrides(db: Db, releaseId: string, now: Date): Promise<GateOverride[]> {
  const rows = await db
    .select()
    .from(releaseGateOverrides)
    .where(
      and(
        eq(releaseGateOverrides.releaseId, releaseId),
        isNull(releaseGateOverrides.revokedAt),
        gt(releaseGateOverrides.expiresAt, now),
      ),
    )
    .orderBy(desc(releaseGateOverrides.createdAt));
  return rows.map((r) => ({
    checkId: r.checkId,
    by: r.byLabel,
    reason: r.reason,
    expiresAt: r.expiresAt.toISOString(),
  }));
}

/** What the gate is built from, as read once by whoever asks (the gate route, the release detail). */
export interface GateInputs {
  release: ReleaseView;
  settings: TSettings;
  bundle: BundleRow | null;
  signOffs: Awaited<ReturnType<typeof listSignOffs>>;
  decisions: Awaited<ReturnType<typeof listDecisions>>;
  /** Polish Mode and operational burden of the release's area (qualityHoldsOf). */
  holds: QualityHolds;
  /** The active overrides (activeGateOverrides, or the active ones of the release page's list). */
  overrides: GateOverride[];
  now: Date;
}

/** Everything the gate looks at, as of `now` in the org's time zone. */
export function gateContextOf(i: GateInputs): GateContext {
  const { release, settings } = i;
  const today = todayIn(settings.timeZone, i.now);
  const rule = tierRule(settings, release.tier);
  const [decision] = i.decisions;
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
    leadTime: leadTimeOf(settings, release, i.bundle, today),
    checklist: bundleChecklist((i.bundle?.sections ?? {}) as BundleSections, rule?.requiredSections ?? []),
    signOffs: i.signOffs.map((s) => ({ kind: s.kind, by: s.by, at: s.at, ready: s.ready, note: s.note })),
    decision: decision
      ? { decision: decision.decision, by: decision.by, reason: decision.reason, at: decision.at }
      : null,
    tierReview: tierReviewOf(release, settings.releaseAttributes),
    polish: i.holds.polish,
    burden: i.holds.burden,
    now: i.now.toISOString(),
    timeZone: settings.timeZone,
    overrides: i.overrides,
  };
}

/** The gate's verdict from its inputs: the default checks and those policies registered. */
export function gateOf(i: GateInputs) {
  return gateFrom(gateContextOf(i));
}

/** The verdict for a context already built (the release page reuses its lead time rather than computing it twice). */
export function gateFrom(ctx: GateContext) {
  return {
    ...evaluateGate(ctx, allChecks()),
    title: ctx.release.title,
    today: ctx.today,
  };
}

/** Ready to ship, or the list of what is missing: what a CI/CD pipeline asks before deploying. */
export async function releaseGate(db: Db, releaseId: string, now: Date) {
  const release = await getRelease(db, releaseId);
  if (!release) throw notFound('release');
  return releaseGateOf(db, release, now);
}

/** The same for a release already read (the status card has it). */
export async function releaseGateOf(db: Db, release: ReleaseView, now: Date) {
  const settings = await getSettings(db);
  return gateOf({
    release,
    settings,
    holds: await qualityHoldsOf(db, release, settings, now),
    bundle: await bundleRow(db, release.id),
    signOffs: await listSignOffs(db, release.id),
    decisions: await listDecisions(db, release.id),
    overrides: await activeGateOverrides(db, release.id, now),
    now,
  });
}
