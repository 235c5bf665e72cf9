/**
 * No bug backlog (issue 15) in words: the area page's Bug backlog section says them; the CLI has its own table.
 */
import type { TAreaBugBacklog, TBug } from '../../shared/bugs.ts';
import { formatLocalDate } from './org-time.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Oldest open for 19 days; 9 over the 7-day limit: 1 waiting for a decision, 8 being fixed now." */
export function backlogText(a: TAreaBugBacklog, maxOpenDays: number): string {
  if (a.open === 0) return 'No open bug: the area is at the target.';
  const oldest = `Oldest open for ${plural(a.oldestAgeDays ?? 0, 'day')}`;
  if (a.overLimit === 0) return `${oldest}; none over the ${maxOpenDays}-day limit.`;
  const parts = [
    a.awaitingDecision ? `${a.awaitingDecision} waiting for a decision` : '',
    a.fixNow ? `${a.fixNow} being fixed now` : '',
  ].filter(Boolean);
  return `${oldest}; ${a.overLimit} over the ${maxOpenDays}-day limit${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/** "Decides this week: Aisha Bello (PM), Noah Prodeng (production-engineering rotation)." */
export function decidersText(a: TAreaBugBacklog): string {
  if (!a.deciders.length) return 'Nobody decides this week (no PM, no rotation): Product Ops are asked.';
  const who = a.deciders.map(
    (d) => `${d.name} (${d.as === 'pm' ? 'PM' : 'production-engineering rotation'})`,
  );
  return `Decides this week: ${who.join(', ')}; Product Ops and the Head of Product may too.`;
}

/** "Open 19 days, since Thu 30 Oct 2026 · reported 4 times". */
export const bugAgeText = (b: TBug): string =>
  `Open ${plural(b.ageDays, 'day')}, since ${formatLocalDate(b.openedOn, true)} · reported ${plural(b.reports, 'time')}`;

/** What was decided, in a sentence, or that it waits. */
export function bugDecisionText(b: TBug, maxOpenDays: number): string {
  if (b.disposition === 'fix_now')
    return `Fix now: ${b.assignee?.name ?? 'someone no longer here'}${b.decidedBy ? ` (decided by ${b.decidedBy})` : ''}.`;
  if (b.disposition === 'wont_fix') return `Won't fix: ${b.wontFixReason ?? ''}`;
  if (b.awaitingDecision) return `Open longer than ${plural(maxOpenDays, 'day')} with no decision.`;
  return `Within the ${plural(maxOpenDays, 'day')} a bug may wait for a decision.`;
}

/** Waiting first, then the rest of those over the limit, then the newest; oldest first within each. */
export function bugOrder(bugs: TBug[]): TBug[] {
  const rank = (b: TBug) => (b.awaitingDecision ? 0 : b.overLimit ? 1 : 2);
  return [...bugs].sort((a, b) => rank(a) - rank(b) || b.ageDays - a.ageDays);
}
