import type { TChangeKind, TRoadmapChange } from '../../shared/roadmap.ts';

export interface AgendaSection {
  minutes: number;
  title: string;
  lines: string[];
}

/** The pack's 45-minute Biweekly Roadmap Review agenda (§3), used when the ritual's own agenda is not 4 boxes. */
export const PACK_AGENDA = [
  { minutes: 5, item: 'Product Ops: highlight changes since last review, new dependencies' },
  {
    minutes: 25,
    item: 'PMs: walk through changes to their area (2-3 min each, focus on what changed and why)',
  },
  { minutes: 10, item: "Decisions: what moves, what's at risk, what stakeholders need to know" },
  { minutes: 5, item: 'Action items + owners' },
];

export interface AgendaInput {
  /** The ritual's agenda (time boxes); the pack's when it does not have the four boxes. */
  ritualAgenda: readonly { minutes: number; item: string }[];
  sinceLabel: string;
  changes: readonly TRoadmapChange[];
  areas: readonly { areaId: string; areaName: string; pmName: string | null }[];
  dueDecisions: readonly { number: number; title: string; nextReviewDate: string; ownerName: string }[];
  recordedDecisions: readonly { number: number; title: string; ownerName: string }[];
  /** Action items assigned in the review. */
  actions?: readonly { title: string; ownerName: string; status: 'open' | 'closed' }[];
  crossAreaThemes: readonly { label: string; areas: readonly string[] }[];
  /** Items moved more than the org's tolerance: what stakeholders need to hear about. */
  toleranceDays: number;
  /** Items stakeholders never see: their moves are not news to them. */
  internalItemIds?: ReadonlySet<string>;
}

const COUNT_WORDS: Partial<Record<TChangeKind, string>> = {
  added: 'added',
  dropped: 'dropped',
  moved_quarter: 'moved quarter',
  slipped: 'slipped',
  pulled_in: 'pulled in',
  status: 'status changed',
  confidence: 'confidence changed',
  dependency_added: 'new dependencies',
  dependency_broken: 'broken dependencies',
};

/** Minutes each area gets in the PMs' box: "2-3 min each", never more than the box holds. */
export function minutesPerArea(boxMinutes: number, areaCount: number): number {
  if (areaCount === 0) return 0;
  return Math.min(3, Math.floor((boxMinutes / areaCount) * 2) / 2);
}

function summaryLine(changes: readonly TRoadmapChange[], sinceLabel: string): string {
  if (changes.length === 0) return `No roadmap changes since ${sinceLabel}.`;
  const counts = new Map<string, number>();
  for (const c of changes) {
    const word = COUNT_WORDS[c.kind];
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const items = new Set(changes.map((c) => c.itemId)).size;
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  return `${items} item${items === 1 ? '' : 's'} changed since ${sinceLabel}${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}

/** The review's agenda, generated from what changed since the last review, in the ritual's time boxes. */
export function buildAgenda(input: AgendaInput): AgendaSection[] {
  const boxes = input.ritualAgenda.length === 4 ? input.ritualAgenda : PACK_AGENDA;
  const [highlights, walk, decide, actions] = boxes.map((b) => ({
    minutes: b.minutes,
    title: b.item,
    lines: [] as string[],
  })) as [AgendaSection, AgendaSection, AgendaSection, AgendaSection];
  highlights.lines.push(summaryLine(input.changes, input.sinceLabel));
  for (const c of input.changes)
    if (c.kind === 'dependency_added' || c.kind === 'dependency_broken') highlights.lines.push(c.text);
  for (const t of input.crossAreaThemes)
    highlights.lines.push(`Insights theme "${t.label}" spans ${t.areas.join(', ')}`);

  const changedAreas = input.areas.filter((a) => input.changes.some((c) => c.areaId === a.areaId));
  const each = minutesPerArea(walk.minutes, changedAreas.length);
  for (const a of changedAreas) {
    const texts = input.changes.filter((c) => c.areaId === a.areaId).map((c) => c.text);
    walk.lines.push(`${a.areaName}${a.pmName ? ` — ${a.pmName}` : ''} (${each} min): ${texts.join('; ')}`);
  }
  if (changedAreas.length === 0) walk.lines.push('No area has changes to walk through.');

  const pending = new Set(input.changes.map((c) => c.itemId)).size;
  if (pending)
    decide.lines.push(`Ratify or reject the changes to ${pending} item${pending === 1 ? '' : 's'}`);
  for (const d of input.dueDecisions)
    decide.lines.push(`Revisit #${d.number} ${d.title} (${d.ownerName}; review date ${d.nextReviewDate})`);
  for (const c of input.changes) {
    if (c.kind === 'confidence' && c.to === 'low')
      decide.lines.push(`At risk: ${c.title} (confidence now low)`);
    const moved = c.kind === 'slipped' || c.kind === 'pulled_in';
    if (moved && Math.abs(c.days ?? 0) > input.toleranceDays && !input.internalItemIds?.has(c.itemId))
      decide.lines.push(`Stakeholders need to know: ${c.text}`);
  }
  if (decide.lines.length === 0)
    decide.lines.push('Nothing to decide from the changes; no decision is due for review.');

  for (const d of input.recordedDecisions)
    actions.lines.push(`Recorded #${d.number} ${d.title} (owner ${d.ownerName})`);
  for (const a of input.actions ?? [])
    actions.lines.push(`Action: ${a.title} (owner ${a.ownerName}${a.status === 'closed' ? ', done' : ''})`);
  actions.lines.push('Product Ops republishes the stakeholder roadmap view after the review');
  return [highlights, walk, decide, actions];
}
