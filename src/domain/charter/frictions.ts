/**
 * Pack §8, "Process for process's sake": every ritual and artifact must map to one of the top friction points.
 * A ritual no active friction names is listed, so the QBR can decide to tie it to one or cut it.
 */
export function unmappedRituals<R extends { id: string; active: boolean }>(
  rituals: readonly R[],
  frictions: readonly { ritualIds: readonly string[]; retired: boolean }[],
): R[] {
  const mapped = new Set(frictions.filter((f) => !f.retired).flatMap((f) => f.ritualIds));
  return rituals.filter((r) => r.active && !mapped.has(r.id));
}

/** The warning people read above the list (null: every ritual maps to a friction). */
export function unmappedWarning(names: readonly string[]): string | null {
  if (!names.length) return null;
  const list = names.join(', ');
  return names.length === 1
    ? `${list} maps to no friction: every ritual must map to a friction point. Tie it to one or cut it.`
    : `${list} map to no friction: every ritual must map to a friction point. Tie each to one or cut it.`;
}

/**
 * The pack's top frictions (§0), ranked, with the default rituals (by slug) that address each and the
 * artifacts they produce.
 */
export const DEFAULT_FRICTIONS: {
  title: string;
  description: string;
  ritualSlugs: string[];
  artifacts: string[];
}[] = [
  {
    title: 'No visibility',
    description: "Stakeholders (Sales, CS, Support, leadership) don't know what's shipping or when.",
    ritualSlugs: ['weekly-product-update', 'roadmap-review', 'quarterly-planning'],
    artifacts: ['Weekly Product Update', 'Stakeholder Roadmap View', 'Decision Log'],
  },
  {
    title: 'Surprise launches',
    description: 'Releases land without enablement; Support/Sales learn about changes from customers.',
    ritualSlugs: ['launch-readiness-check', 'insights-review'],
    artifacts: ['Launch Enablement Bundle', 'Insights Digest'],
  },
  {
    title: 'Ad-hoc status requests',
    description: 'PMs spend excessive time answering "what\'s the status of X?" pings from across the org.',
    ritualSlugs: ['weekly-product-update'],
    artifacts: ['Weekly Product Update', 'Stakeholder Roadmap View'],
  },
];
