import type { TOccurrence } from '../../../shared/cadence.ts';
import { now as clockNow } from '../../lib/clock.ts';
import { formatLocalDate } from '../../lib/org-time.ts';

type Facts = Pick<
  TOccurrence,
  'status' | 'holiday' | 'shiftedFrom' | 'startsAt' | 'artifactDueAt' | 'artifactProducedAt'
>;

/** Whether the artifact came, is late, or is overdue; null when nothing is expected (skipped, cancelled). */
export function artifactState(o: Facts, now = clockNow()): 'on_time' | 'late' | 'overdue' | 'due' | null {
  if (o.status === 'skipped' || o.status === 'cancelled') return null;
  if (o.artifactProducedAt)
    return Date.parse(o.artifactProducedAt) <= Date.parse(o.artifactDueAt) ? 'on_time' : 'late';
  return Date.parse(o.artifactDueAt) < now ? 'overdue' : 'due';
}

/** Status words for an occurrence: skipped for a holiday, moved, held, cancelled, artifact produced or overdue. */
export function OccurrenceBadges({ o, now }: { o: Facts; now?: number }) {
  const badges: { key: string; text: string; tone: string }[] = [];
  if (o.status === 'skipped')
    badges.push({ key: 'skipped', text: o.holiday ? `Skipped for ${o.holiday}` : 'Skipped', tone: 'muted' });
  if (o.status === 'held') badges.push({ key: 'held', text: 'Held', tone: 'ok' });
  if (o.status === 'cancelled') badges.push({ key: 'cancelled', text: 'Cancelled', tone: 'danger' });
  if (o.shiftedFrom && o.status !== 'skipped')
    badges.push({
      key: 'moved',
      text: `Moved from ${formatLocalDate(o.shiftedFrom)}${o.holiday ? ` (${o.holiday})` : ''}`,
      tone: 'warn',
    });
  const artifact = artifactState(o, now);
  if (artifact === 'on_time') badges.push({ key: 'artifact', text: 'Artifact produced', tone: 'ok' });
  if (artifact === 'late') badges.push({ key: 'artifact', text: 'Artifact produced late', tone: 'warn' });
  if (artifact === 'overdue') badges.push({ key: 'artifact', text: 'Artifact overdue', tone: 'danger' });
  if (badges.length === 0) return null;
  return (
    <span className="badges">
      {badges.map((b) => (
        <span key={b.key} className={`badge ${b.tone}`}>
          {b.text}
        </span>
      ))}
    </span>
  );
}
