import type { SignOffKind } from '../../domain/releases/gate.ts';
import { type NextStep, nextStep, type ReleaseSection } from '../../domain/releases/next-step.ts';
import type { TReleaseDetail } from '../../shared/release-detail.ts';
import { plural } from './labels.ts';
import { formatDateTimeIn, formatLocalDate } from './org-time.ts';
import { DECISION_LABELS, tierText } from './release-labels.ts';

export type { NextStep, ReleaseSection };

/** The release page's one date format: "Thu 19 Nov 2026". */
export const day = (date: string): string => formatLocalDate(date, true);

/** The release's next step from what its page already loaded; `required`: the sign-offs its tier needs. */
export function nextStepOf(detail: TReleaseDetail, required: readonly SignOffKind[]): NextStep {
  const r = detail.release;
  const lt = detail.leadTime;
  return nextStep(
    {
      today: detail.gate.today,
      release: r,
      gate: detail.gate,
      bundle: {
        missingSections: detail.bundle.checklist.filter((c) => c.required && !c.done).length,
        distributedOn: detail.bundle.distributedOn,
        publishedOn: detail.bundle.publishedOn,
        distributeBy: lt?.distributeBy ?? null,
        publishBy: lt?.publishBy ?? null,
      },
      signOffs: { required, given: detail.signOffs },
      decision: detail.decisions[0] ?? null,
      postLaunch: detail.postLaunch.checks,
      earliestCompliantLaunch: lt?.earliestCompliantLaunch ?? null,
    },
    day,
  );
}

/** Where each gate check is fixed on the page. */
const SECTION_OF_CHECK: Record<string, ReleaseSection> = {
  tier: 'tier',
  tier_review: 'tier',
  status: 'overview',
  sections: 'bundle',
  lead_time: 'lead-time',
  sign_offs: 'readiness',
  decision: 'decision',
};

/** Short names for the sticky summary's links ("Bundle sections (9)"). */
const SHORT_LABELS: Record<string, string> = {
  tier: 'Tier',
  tier_review: 'Tier review',
  status: 'Rolled back',
  sections: 'Bundle sections',
  lead_time: 'Bundle deadlines',
  sign_offs: 'Sign-offs',
  decision: 'Go/no-go',
  polish_mode: 'Polish Mode',
  operational_burden: 'Operational burden',
};

export interface OpenItemGroup {
  checkId: string;
  label: string;
  /** The open items (reasons) of this check. */
  count: number;
  section: ReleaseSection;
}

/** The gate's open items grouped by check, each group with the section where it is fixed. */
export function openItemGroups(gate: TReleaseDetail['gate']): OpenItemGroup[] {
  return gate.checks
    .filter((c) => !c.ok)
    .map((c) => ({
      checkId: c.id,
      label: SHORT_LABELS[c.id] ?? c.label,
      count: Math.max(1, c.reasons.length),
      section: SECTION_OF_CHECK[c.id] ?? 'gate',
    }));
}

export const openItemCount = (gate: TReleaseDetail['gate']): number =>
  openItemGroups(gate).reduce((n, g) => n + g.count, 0);

/** "Ready to ship", or "Not ready: 17 open items". */
export function gateLine(gate: TReleaseDetail['gate']): string {
  if (gate.ready) return gate.overridden.length ? 'Ready to ship (with overrides)' : 'Ready to ship';
  return `Not ready: ${plural(openItemCount(gate), 'open item')}`;
}

function tierLine(d: TReleaseDetail): string {
  const r = d.release;
  if (r.tier === null) return 'No tier assigned';
  if (r.tierReview) return `${tierText(r.tier)}: needs review`;
  return tierText(r.tier);
}

function leadTimeLine(d: TReleaseDetail): string {
  const lt = d.leadTime;
  if (!lt) return 'Assign a tier to see the deadlines';
  if (lt.distributeBy === null || lt.publishBy === null) return 'No bundle needed for this tier';
  const late = lt.late.length ? ` · ${plural(lt.late.length, 'deadline')} missed or late` : '';
  return `Distribute by ${day(lt.distributeBy)}, publish by ${day(lt.publishBy)}${late}`;
}

function bundleLine(d: TReleaseDetail): string {
  if (!d.leadTime || d.leadTime.distributeBy === null) return 'No bundle needed';
  const b = d.bundle;
  const req = b.checklist.filter((c) => c.required);
  const written = `${req.filter((c) => c.done).length} of ${req.length} required sections written`;
  if (b.publishedOn) return `${written} · published ${day(b.publishedOn)}`;
  if (b.distributedOn) return `${written} · distributed ${day(b.distributedOn)}, not published`;
  return `${written} · not distributed`;
}

function readinessLine(d: TReleaseDetail, required: readonly SignOffKind[]): string {
  if (!required.length) return 'No sign-off needed for this tier';
  const ready = required.filter((k) => d.signOffs.some((s) => s.kind === k && s.ready)).length;
  const notReady = required.filter((k) => d.signOffs.some((s) => s.kind === k && !s.ready)).length;
  return `${ready} of ${required.length} sign-offs${notReady ? ` · ${notReady} not ready` : ''}`;
}

function decisionLine(d: TReleaseDetail): string {
  const last = d.decisions[0];
  if (!last) return 'No decision yet';
  return `${DECISION_LABELS[last.decision]} by ${last.by}`;
}

function postLaunchLine(d: TReleaseDetail): string {
  const open = d.postLaunch.checks.filter((c) => !c.completedAt);
  if (!d.postLaunch.checks.length) return '';
  if (!open.length) return 'Day 3 check-in and Day 14 retro answered';
  const names = { day3: 'Day 3 check-in', day14: 'Day 14 retro' } as const;
  return open.map((c) => `${names[c.kind]} due ${day(c.dueOn)}`).join(' · ');
}

/** One line per folded section, shown beside its heading while it is closed. */
export function sectionLines(
  d: TReleaseDetail,
  required: readonly SignOffKind[],
): Record<Exclude<ReleaseSection, 'overview'>, string> {
  return {
    tier: tierLine(d),
    'lead-time': leadTimeLine(d),
    bundle: bundleLine(d),
    readiness: readinessLine(d, required),
    decision: decisionLine(d),
    gate: gateLine(d.gate),
    'post-launch': postLaunchLine(d),
  };
}

/** The suggestion's reason in words: attribute labels, not keys ("GA launch implies Tier 3; …"). */
export function suggestionWords(
  attributes: readonly string[],
  table: readonly { key: string; label: string; tier: number }[],
): string {
  const rules = table.filter((a) => attributes.includes(a.key));
  if (!rules.length) return `No attributes ticked: ${tierText(1)} by default.`;
  const top = Math.max(...rules.map((a) => a.tier));
  const byTier = [3, 2, 1]
    .map((t) => rules.filter((a) => a.tier === t))
    .filter((xs) => xs.length)
    .map(
      (xs) =>
        `${xs.map((a) => a.label).join(', ')} ${xs.length > 1 ? 'imply' : 'implies'} Tier ${xs[0]!.tier}`,
    );
  return `${tierText(top)}: ${byTier.join('; ')}.`;
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** "Sat 5 Dec 2026, 00:46 CET": a time in the org's zone, labelled with it. */
export function timeIn(iso: string, timeZone: string): string {
  let f = zoneNames.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' });
    zoneNames.set(timeZone, f);
  }
  const zone = f.formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${formatDateTimeIn(iso, timeZone)} ${zone}`;
}

/** Who did it, in words: an automatic actor ("system:demo") is not a person's name. */
export const actorText = (by: string): string =>
  by.startsWith('system:') ? (by === 'system:demo' ? 'the demo set-up' : 'prodops (automatic)') : by;
