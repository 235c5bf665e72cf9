import type { TReview } from '../../../shared/roadmap.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';

type Sla = TReview['sla'];
type SlaFields = Pick<TReview, 'sla' | 'slaDueAt' | 'republishedAt' | 'closedAt'>;

const SLA_LABELS: Record<Sla, string> = {
  open: 'Open',
  waiting: 'Waiting',
  met: 'Met',
  late: 'Late',
  overdue: 'Overdue',
};

const SLA_TONES: Record<Sla, string> = {
  open: 'muted',
  waiting: '',
  met: 'ok',
  late: 'warn',
  overdue: 'danger',
};

/** The sentence after the badge: what the 24-hour republish rule says about this review now. */
export function slaText(r: SlaFields, timeZone: string): string {
  const due = r.slaDueAt ? formatDateTimeIn(r.slaDueAt, timeZone) : null;
  const done = r.republishedAt ? formatDateTimeIn(r.republishedAt, timeZone) : null;
  switch (r.sla) {
    case 'open':
      return 'The clock starts when the review closes.';
    case 'waiting':
      return `Republish the stakeholder view by ${due}.`;
    case 'met':
      return `Republished ${done}${due ? `, due by ${due}` : ''}.`;
    case 'late':
      return `Republished ${done}, after the due time ${due}.`;
    case 'overdue':
      return `Not republished yet; it was due by ${due}.`;
  }
}

/** "Republished within 24 hours of the review": the badge says the state, the text says the times. */
export function SlaStatus({ review, timeZone }: { review: SlaFields; timeZone: string }) {
  return (
    <span className="sla-status">
      <span className={`badge no-margin ${SLA_TONES[review.sla]}`}>{SLA_LABELS[review.sla]}</span>{' '}
      <span className="sla-text">{slaText(review, timeZone)}</span>
    </span>
  );
}
