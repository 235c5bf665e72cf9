import type { TRelease } from '../../shared/releases.ts';
import { formatLocalDate } from './org-time.ts';

export interface LeadTimeState {
  text: string;
  tone: 'ok' | 'warn' | 'danger' | 'muted' | '';
}

/** One line for the releases table: the next bundle deadline, or whether the launch had its bundle in time. */
export function leadTimeState(r: TRelease, today: string): LeadTimeState {
  if (!r.tier) return { text: 'No tier assigned', tone: 'warn' };
  const { distributeBy, publishBy } = r;
  if (!distributeBy || !publishBy) return { text: 'No bundle needed', tone: 'muted' };
  if (r.status === 'launched' || r.status === 'rolled_back') {
    const launch = r.launchedOn ?? r.targetDate;
    return r.publishedOn && r.publishedOn < launch
      ? { text: 'Bundle published before launch', tone: 'ok' }
      : { text: 'No bundle published before launch', tone: 'danger' };
  }
  const steps = [
    { done: r.distributedOn, due: distributeBy, what: 'Distribute' },
    { done: r.publishedOn, due: publishBy, what: 'Publish' },
  ];
  const late = steps.filter((s) => (s.done ? s.done > s.due : today > s.due));
  const next = steps.find((s) => !s.done);
  if (!next) {
    return late.length
      ? { text: `Done late (${late.map((s) => s.what.toLowerCase()).join(', ')})`, tone: 'warn' }
      : { text: 'Distributed and published on time', tone: 'ok' };
  }
  const due = formatLocalDate(next.due, true);
  if (today > next.due) return { text: `${next.what} was due ${due}`, tone: 'danger' };
  return { text: `${next.what} by ${due}`, tone: late.length ? 'warn' : '' };
}
