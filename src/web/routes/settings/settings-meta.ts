import { BUNDLE_SECTIONS } from '../../../domain/releases/bundle.ts';
import { SIGNOFF_LABELS } from '../../../domain/releases/gate.ts';
import type { TSettings } from '../../../shared/settings.ts';

type Thresholds = TSettings['thresholds'];
/** The thresholds that are one number (the support sources are a list, edited on their own). */
type NumericThreshold = {
  [K in keyof Thresholds]: Thresholds[K] extends number ? K : never;
}[keyof Thresholds];
type TierRule = TSettings['tiers']['tier1'];

/** Labels shared by the read-only view and the form, so both say the same thing. */
export const THRESHOLD_FIELDS: readonly {
  key: NumericThreshold;
  label: string;
  unit: string;
  step?: number;
}[] = [
  {
    key: 'confusedCustomerPct',
    label: 'Confused-customer threshold (Polish Mode above)',
    unit: '%',
    step: 0.1,
  },
  { key: 'confusedCustomerWindowDays', label: 'Confused-customer trailing window', unit: 'days' },
  {
    key: 'confusedCustomerMinTickets',
    label: 'Fewest support tickets in the window to judge an area',
    unit: 'tickets',
  },
  {
    key: 'operationalBurdenPer1kUsers',
    label: 'Operational burden threshold',
    unit: 'tickets per 1,000 active users',
    step: 0.1,
  },
  { key: 'bugMaxOpenDays', label: 'Bugs open longer than this are flagged', unit: 'days' },
  { key: 'polishModeMinDays', label: 'Polish Mode lasts at least', unit: 'days' },
  {
    key: 'surpriseScorePct',
    label: 'Stakeholder surprise target (at most)',
    unit: '% of releases',
    step: 0.1,
  },
  { key: 'statusRequestReductionPct', label: 'Ad-hoc status request reduction target', unit: '%', step: 0.1 },
  {
    key: 'enablementCoveragePct',
    label: 'Launch enablement coverage target',
    unit: '% of Tier 2/3',
    step: 0.1,
  },
  { key: 'pmSatisfactionPct', label: 'PM satisfaction target', unit: '% agree', step: 0.1 },
  { key: 'ritualAdoptionPct', label: 'Ritual adoption target', unit: '%', step: 0.1 },
  {
    key: 'ritualAttendanceSharePct',
    label: 'Attendance share for a ritual to count as held',
    unit: '%',
    step: 0.1,
  },
];

export const TIERS = [
  { key: 'tier1', label: 'Tier 1' },
  { key: 'tier2', label: 'Tier 2' },
  { key: 'tier3', label: 'Tier 3' },
] as const;

export const BUNDLE_LABELS: Record<TierRule['bundle'], string> = {
  none: 'No bundle',
  lite: 'Lite bundle',
  full: 'Full bundle',
};

export const READINESS_LABELS: Record<TierRule['readinessCheck'], string> = {
  none: 'None',
  async: 'Async check',
  meeting: 'Launch Readiness Check meeting',
};

export const AUDIENCES = ['support', 'sales', 'cs', 'marketing'] as const;
export const AUDIENCE_LABELS: Record<(typeof AUDIENCES)[number], string> = {
  support: 'Support',
  sales: 'Sales',
  cs: 'Customer success',
  marketing: 'Marketing',
};

export const POD_TARGET_FIELDS: readonly { key: keyof TSettings['pods']; label: string }[] = [
  { key: 'engineers', label: 'Engineers per pod' },
  { key: 'designers', label: 'Designers per pod' },
  { key: 'pms', label: 'PMs per pod' },
  { key: 'maxPms', label: 'Most PMs a pod may have' },
];

export const SECTION_OPTIONS = BUNDLE_SECTIONS.map((s) => ({ value: s.key, label: s.heading }));

/** The sign-offs a tier may require; training has its own switch (trainingSession). */
export const SIGN_OFF_OPTIONS = (['support', 'sales', 'eng_monitoring', 'eng_rollback'] as const).map(
  (k) => ({
    value: k,
    label: SIGNOFF_LABELS[k],
  }),
);
