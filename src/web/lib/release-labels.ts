import { describeTier, TIER_NAMES } from '../../domain/releases/attributes.ts';
import { SIGNOFF_LABELS, type SignOffKind } from '../../domain/releases/gate.ts';
import type { TDeadlineStatus } from '../../shared/release-detail.ts';
import { RELEASE_STATUS_LABELS, RELEASE_STATUSES, type TReleaseStatus } from '../../shared/releases.ts';

export { TIER_NAMES };

/** "Tier 3 (High)", as the API's messages and the bundle header say it. */
export const tierText = (tier: number | null): string =>
  tier === 1 || tier === 2 || tier === 3 ? describeTier(tier) : 'No tier';

export const TIER_OPTIONS = ([1, 2, 3] as const).map((t) => ({ value: String(t), label: tierText(t) }));

export const STATUS_LABELS: Record<TReleaseStatus, string> = RELEASE_STATUS_LABELS;

export const STATUS_TONES: Record<TReleaseStatus, string> = {
  planned: 'muted',
  in_readiness: '',
  go: 'ok',
  hold: 'warn',
  delay: 'warn',
  launched: 'ok',
  rolled_back: 'danger',
};

export const STATUS_OPTIONS = RELEASE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));

/** The statuses an edit may set; go / hold / delay come from a go/no-go decision. */
export const EDITABLE_STATUSES: readonly TReleaseStatus[] = [
  'planned',
  'in_readiness',
  'launched',
  'rolled_back',
];

export const SIGN_OFF_LABELS: Record<SignOffKind, string> = SIGNOFF_LABELS;

export const DEADLINE_LABELS: Record<TDeadlineStatus, { text: string; tone: string }> = {
  not_required: { text: 'Not required', tone: 'muted' },
  done: { text: 'Done', tone: 'ok' },
  done_late: { text: 'Done late', tone: 'warn' },
  open: { text: 'Open', tone: '' },
  missed: { text: 'Missed', tone: 'danger' },
};

export const DECISION_LABELS = { ship: 'Ship', hold: 'Hold', delay: 'Delay' } as const;
