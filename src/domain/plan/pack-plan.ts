import type { TPlanCheck } from '../../shared/plan.ts';

/** One timebox of pack §7's 30/60/90 plan: its words and its deliverables (checked or manual). */
export interface PackTimebox {
  goal: string;
  scope: string;
  pilotArea: string;
  metrics: string[];
  risks: string[];
  deliverables: { title: string; check: TPlanCheck | null }[];
}

/** Days of each timebox, counted from the plan's day 1. */
export const TIMEBOX_DAYS = [
  { first: 1, last: 30 },
  { first: 31, last: 60 },
  { first: 61, last: 90 },
] as const;

/**
 * The pack's plan (§7), the default every org starts from. Its deliverables and the metrics the records can
 * show are checked by them; the rest (a charter, a survey sent, a sample audit) are Product Ops' to tick.
 */
export const PACK_PLAN: PackTimebox[] = [
  {
    goal: 'Foundation + quick win',
    scope: 'Stand up the weekly product update and launch enablement for one pod',
    pilotArea: 'Pilot pod: the highest-shipping product area (most launch surprises)',
    metrics: [
      'Weekly update published on time 4/4 weeks',
      'Pilot pod enablement bundle completed for 1+ release',
      'Baseline stakeholder surprise survey sent',
    ],
    risks: ['PM resistance to the weekly update template', 'No dedicated Product Ops person assigned'],
    deliverables: [
      { title: 'Published charter', check: null },
      { title: 'Weekly product update running (all PMs), on time 4/4 weeks', check: 'weekly_update_on_time' },
      { title: 'Enablement bundle template published', check: null },
      { title: '1 Tier 2/3 release uses the enablement process', check: 'tier23_enablement_used' },
      { title: 'Baseline stakeholder surprise survey sent', check: null },
      { title: 'Week 4 retrospective with the pilot pod PMs', check: 'retro_recorded' },
    ],
  },
  {
    goal: 'Cadence + insights',
    scope: 'Add the biweekly roadmap review and the insights pipeline intake',
    pilotArea: 'Expand enablement to all Tier 2/3 releases org-wide',
    metrics: [
      '50%+ reduction in ad-hoc status pings (sample audit)',
      'All Tier 2/3 releases have enablement bundles',
      'Roadmap review attendance > 80%',
    ],
    risks: [
      'Roadmap review becomes "status theater" if not well facilitated',
      'Insights intake overwhelms Product Ops without clear triage',
    ],
    deliverables: [
      { title: 'Biweekly roadmap review running', check: 'roadmap_review_running' },
      { title: 'Roadmap review attendance > 80%', check: 'roadmap_review_attendance' },
      { title: 'Insights intake + triage operational', check: 'insights_triage' },
      { title: 'Decision log in use', check: 'decision_log_in_use' },
      { title: 'Stakeholder roadmap view published', check: 'roadmap_view_published' },
      { title: 'All Tier 2/3 releases have enablement bundles', check: 'enablement_all_tier23' },
      { title: '50%+ reduction in ad-hoc status pings (sample audit)', check: null },
      { title: 'Week 8 retrospective with cross-functional partners', check: 'retro_recorded' },
    ],
  },
  {
    goal: 'Full system + measure',
    scope: 'Monthly insights review live; post-launch capture active; full system operational',
    pilotArea: 'Full org (all PMs, all cross-functional partners)',
    metrics: [
      'Stakeholder surprise score < 10%',
      'PM satisfaction > 70% (coordination overhead reduced)',
      'Insights review producing owned action items',
      'Enablement coverage 100% for Tier 2/3',
    ],
    risks: [
      'System fatigue if too many rituals are introduced at once',
      'Need to prune anything that is not producing value',
    ],
    deliverables: [
      { title: 'First Monthly Insights Review completed', check: 'insights_review_held' },
      { title: 'Post-launch capture running for all Tier 2/3', check: 'post_launch_capture' },
      { title: 'Enablement coverage 100% for Tier 2/3', check: 'enablement_all_tier23' },
      { title: 'Stakeholder surprise score < 10% (metrics page)', check: null },
      { title: 'PM satisfaction > 70% (quarterly pulse)', check: null },
      { title: 'Week 12: 90-day retrospective on Product Ops effectiveness', check: 'retro_recorded' },
    ],
  },
];

/** Pack §7 "Iteration Loop": who each retrospective is with and what it asks. */
export const RETRO_PURPOSES: Record<4 | 8 | 12, string> = {
  4: 'With the pilot pod PMs: what is working, what is overhead, what to adjust',
  8: 'With cross-functional partners: are surprises decreasing? What is still missing?',
  12: 'Full Product Ops retrospective: prune rituals that are not earning their keep, plan the next quarter',
};
