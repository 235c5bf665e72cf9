import type { TReleaseStatus } from '../../../shared/releases.ts';
import { STATUS_LABELS, STATUS_TONES, TIER_NAMES } from '../../lib/release-labels.ts';

/** Tier 1–3 in the calendar's colours; the text always says the tier, the colour only repeats it. */
export function TierBadge({ tier }: { tier: number | null }) {
  if (tier !== 1 && tier !== 2 && tier !== 3) return <span className="badge warn no-margin">No tier</span>;
  return (
    <span className={`badge no-margin tier-badge tier-${tier}`}>
      Tier {tier} ({TIER_NAMES[tier]})
    </span>
  );
}

export function StatusBadge({ status }: { status: TReleaseStatus }) {
  return <span className={`badge no-margin ${STATUS_TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}
