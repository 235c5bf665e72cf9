import type { TPlanCheck, TPlanRecord, TPlanState } from '../../shared/plan.ts';

/** A record behind a check; attendance records carry their head counts. */
export interface CheckRecord extends TPlanRecord {
  present?: number;
  expected?: number;
}

/** Local dates: the timebox's first and last day, and today in the org's zone. */
export interface CheckWindow {
  from: string;
  to: string;
  today: string;
}

export interface CheckResult {
  state: TPlanState;
  /** The figure in words, as the page and the CLI print it. */
  figure: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Judged {
  met: boolean;
  figure: string;
}

/** At least `need` counted records. */
const atLeast =
  (need: number, one: string, many: string, none: string) =>
  (records: CheckRecord[]): Judged => {
    const n = records.filter((r) => r.counted).length;
    return { met: n >= need, figure: n === 0 ? none : plural(n, one, many) };
  };

/** Every record counted, and at least one record. */
const every =
  (what: string, none: string) =>
  (records: CheckRecord[]): Judged => {
    const n = records.filter((r) => r.counted).length;
    const total = records.length;
    return { met: total > 0 && n === total, figure: total === 0 ? none : `${n} of ${total} ${what}` };
  };

/** Pack §7: "published on time 4/4 weeks": every week so far on time, and at least four of them. */
function weeklyOnTime(records: CheckRecord[]): Judged {
  const onTime = records.filter((r) => r.counted).length;
  const weeks = records.length;
  return {
    met: weeks >= 4 && onTime === weeks,
    figure: `${onTime} of ${Math.max(weeks, 4)} weeks on time`,
  };
}

/** Pack §7: "roadmap review attendance > 80%", everyone present over everyone expected, strictly above. */
function attendance(records: CheckRecord[]): Judged {
  const present = records.reduce((s, r) => s + (r.present ?? 0), 0);
  const expected = records.reduce((s, r) => s + (r.expected ?? 0), 0);
  if (expected === 0) return { met: false, figure: 'No Roadmap Review attendance recorded yet' };
  const pct = Math.round((present * 1000) / expected) / 10;
  return {
    // Cross-multiplied: 4 of 5 is exactly 80%, which is not above it.
    met: present * 100 > 80 * expected,
    figure: `${pct}% present (${present} of ${expected} across ${plural(records.length, 'review', 'reviews')})`,
  };
}

function triage(records: CheckRecord[]): Judged {
  const decided = records.filter((r) => r.counted).length;
  if (!records.length) return { met: false, figure: 'No theme routed by the triage yet' };
  return {
    met: decided >= 1,
    figure: `${plural(records.length, 'theme', 'themes')} routed, ${decided} with a disposition`,
  };
}

const RULES: Record<TPlanCheck, (records: CheckRecord[]) => Judged> = {
  weekly_update_on_time: weeklyOnTime,
  tier23_enablement_used: atLeast(
    1,
    'Tier 2/3 release used the enablement process',
    'Tier 2/3 releases used the enablement process',
    'No Tier 2/3 release used the enablement process yet',
  ),
  enablement_all_tier23: every(
    'Tier 2/3 launches with the bundle published before launch',
    'No Tier 2/3 launch in the timebox yet',
  ),
  roadmap_review_running: atLeast(
    2,
    'Roadmap Review held with its artifact',
    'Roadmap Reviews held with their artifact',
    'No Roadmap Review held with its artifact yet',
  ),
  roadmap_review_attendance: attendance,
  decision_log_in_use: atLeast(1, 'decision recorded', 'decisions recorded', 'No decision recorded yet'),
  roadmap_view_published: atLeast(
    1,
    'stakeholder view published',
    'stakeholder views published',
    'No stakeholder view published yet',
  ),
  insights_triage: triage,
  insights_review_held: atLeast(
    1,
    'Monthly Insights Review held with its artifact',
    'Monthly Insights Reviews held with their artifact',
    'No Monthly Insights Review held with its artifact yet',
  ),
  post_launch_capture: every(
    'post-launch check-ins completed',
    'No Tier 2/3 post-launch check-in due in the timebox yet',
  ),
  retro_recorded: atLeast(1, 'retrospective recorded', 'retrospectives recorded', 'Not recorded yet'),
};

/**
 * A checked deliverable as of today: done once its records meet it; otherwise "not yet" while the timebox runs
 * (or has not started) and "missed" once its last day is over.
 */
export function judgeCheck(check: TPlanCheck, records: CheckRecord[], window: CheckWindow): CheckResult {
  const { met, figure } = RULES[check](records);
  const state: TPlanState = met ? 'done' : window.today > window.to ? 'missed' : 'not_yet';
  return { state, figure };
}

/** A manual deliverable: ticked is done; unticked is "not yet" until its timebox is over. */
export function manualState(done: boolean, window: CheckWindow): TPlanState {
  return done ? 'done' : window.today > window.to ? 'missed' : 'not_yet';
}
