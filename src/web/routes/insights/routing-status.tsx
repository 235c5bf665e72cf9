import type { TRouting } from '../../../shared/insights.ts';
import { DISPOSITION_LABELS } from './labels.ts';

/** Spans several areas: the pack surfaces it in the Biweekly Roadmap Review. */
export function CrossAreaFlag({ routing }: { routing: TRouting }) {
  if (routing.crossArea.length < 2) return null;
  return (
    <span className="badge warn" title={`Spans ${routing.crossArea.length} areas`}>
      → Roadmap Review<span className="visually-hidden"> (spans {routing.crossArea.length} areas)</span>
    </span>
  );
}

/** The decision so far: the PM's disposition, an escalation, no owner yet, or still waiting. */
export function DecisionBadge({ routing }: { routing: TRouting }) {
  if (routing.disposition)
    return <span className="badge ok no-margin">{DISPOSITION_LABELS[routing.disposition]}</span>;
  if (routing.needsOwner)
    return <span className="badge danger no-margin">Needs an owner: Product Ops assigns it</span>;
  if (routing.escalatedOccurrenceId)
    return <span className="badge danger no-margin">Escalated to the Monthly Insights Review</span>;
  return <span className="badge warn no-margin">Awaiting decision</span>;
}
