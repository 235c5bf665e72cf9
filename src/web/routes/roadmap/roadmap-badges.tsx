import type { TConfidence, TRoadmapStatus } from '../../../shared/roadmap.ts';
import { CONFIDENCE_LABELS, ROADMAP_STATUS_LABELS } from '../../../shared/roadmap.ts';
import { ROADMAP_STATUS_TONES } from '../../lib/roadmap-labels.ts';

export function RoadmapStatusBadge({ status }: { status: TRoadmapStatus }) {
  return (
    <span className={`badge no-margin ${ROADMAP_STATUS_TONES[status]}`}>{ROADMAP_STATUS_LABELS[status]}</span>
  );
}

/** The confidence in words, with the timeline's fill (solid, light, striped) as a swatch. */
export function ConfidenceBadge({ confidence, short }: { confidence: TConfidence; short?: boolean }) {
  return (
    <span className="confidence-text">
      <span className={`confidence-swatch confidence-${confidence}`} aria-hidden="true" />
      {short ? CONFIDENCE_LABELS[confidence].split(' ')[0] : CONFIDENCE_LABELS[confidence]}
    </span>
  );
}

/** Changed since the last ratified version: stakeholders still see the older one. */
export function PendingBadge() {
  return <span className="badge warn no-margin">Waiting for review</span>;
}
