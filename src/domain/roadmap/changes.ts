import {
  ROADMAP_STATUS_LABELS,
  type TChangeKind,
  type TRoadmapChange,
  type TRoadmapItemState,
  type TRoadmapStatus,
} from '../../shared/roadmap.ts';
import { daysBetween, quartersText, rangeText } from './quarters.ts';

export type ItemStates = ReadonlyMap<string, TRoadmapItemState>;

const statusWords = (s: TRoadmapStatus) => ROADMAP_STATUS_LABELS[s].toLowerCase();

function change(
  id: string,
  s: TRoadmapItemState,
  kind: TChangeKind,
  text: string,
  extra: Partial<Pick<TRoadmapChange, 'from' | 'to' | 'days' | 'otherItemId'>> = {},
): TRoadmapChange {
  return {
    itemId: id,
    title: s.title,
    areaId: s.areaId,
    kind,
    from: extra.from ?? null,
    to: extra.to ?? null,
    days: extra.days ?? null,
    otherItemId: extra.otherItemId ?? null,
    text,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A dependency is broken when the item it needs is dropped, gone, or may land after this item's latest date:
 * the dependent can no longer be sure to ship within its range.
 */
export function brokenDependencies(id: string, states: ItemStates): string[] {
  const s = states.get(id);
  if (!s || s.status === 'dropped' || s.status === 'shipped') return [];
  return s.dependsOn.filter((dep) => {
    const d = states.get(dep);
    return !d || d.status === 'dropped' || (d.status !== 'shipped' && d.latest > s.latest);
  });
}

function dateChanges(id: string, b: TRoadmapItemState, a: TRoadmapItemState, fy: number): TRoadmapChange[] {
  const out: TRoadmapChange[] = [];
  const qb = quartersText(b.earliest, b.latest, fy);
  const qa = quartersText(a.earliest, a.latest, fy);
  if (qb !== qa)
    out.push(change(id, a, 'moved_quarter', `${a.title} moved from ${qb} to ${qa}`, { from: qb, to: qa }));
  const shift = a.latest !== b.latest ? daysBetween(b.latest, a.latest) : daysBetween(b.earliest, a.earliest);
  if (shift !== 0) {
    const from = rangeText(b.earliest, b.latest);
    const to = rangeText(a.earliest, a.latest);
    const kind = shift > 0 ? 'slipped' : 'pulled_in';
    const verb = shift > 0 ? 'slipped' : 'pulled in';
    out.push(
      change(id, a, kind, `${a.title} ${verb} ${plural(Math.abs(shift), 'day')}: ${from} → ${to}`, {
        from,
        to,
        days: shift,
      }),
    );
  } else if (a.earliest !== b.earliest) {
    // Same end, start moved: the range narrowed or widened, which stakeholders read as a change of confidence.
    const from = rangeText(b.earliest, b.latest);
    const to = rangeText(a.earliest, a.latest);
    out.push(change(id, a, 'wording', `${a.title} range changed: ${from} → ${to}`, { from, to }));
  }
  return out;
}

function fieldChanges(
  id: string,
  b: TRoadmapItemState,
  a: TRoadmapItemState,
  titleOf: (id: string) => string,
) {
  const out: TRoadmapChange[] = [];
  if (a.status !== b.status) {
    const [from, to] = [statusWords(b.status), statusWords(a.status)];
    out.push(change(id, a, 'status', `${a.title}: ${from} → ${to}`, { from, to }));
  }
  if (a.confidence !== b.confidence)
    out.push(
      change(id, a, 'confidence', `${a.title}: confidence ${b.confidence} → ${a.confidence}`, {
        from: b.confidence,
        to: a.confidence,
      }),
    );
  if (a.areaId !== b.areaId)
    out.push(change(id, a, 'area', `${a.title} moved to another area`, { from: b.areaId, to: a.areaId }));
  if (a.visibility !== b.visibility)
    out.push(
      change(
        id,
        a,
        'visibility',
        `${a.title} is now ${a.visibility === 'internal' ? 'internal only' : 'shown to stakeholders'}`,
        {
          from: b.visibility,
          to: a.visibility,
        },
      ),
    );
  if (a.title !== b.title || a.summary !== b.summary || a.customerNote !== b.customerNote)
    out.push(
      change(
        id,
        a,
        'wording',
        a.title !== b.title ? `${b.title} renamed to ${a.title}` : `${a.title}: wording changed`,
        { from: b.title, to: a.title },
      ),
    );
  for (const dep of a.dependsOn.filter((d) => !b.dependsOn.includes(d)))
    out.push(
      change(id, a, 'dependency_added', `${a.title} now depends on ${titleOf(dep)}`, { otherItemId: dep }),
    );
  for (const dep of b.dependsOn.filter((d) => !a.dependsOn.includes(d)))
    out.push(
      change(id, a, 'dependency_removed', `${a.title} no longer depends on ${titleOf(dep)}`, {
        otherItemId: dep,
      }),
    );
  return out;
}

/**
 * What changed between two states of the roadmap (C4 "what changed since"): added, dropped, moved between
 * quarters, slipped or pulled in, status, confidence, new, removed or broken dependencies, and the rest.
 * Items absent from `after` are treated as dropped. Order: `after`'s order, changes of one item together.
 */
export function diffRoadmap(
  before: ItemStates,
  after: ItemStates,
  fiscalYearStartMonth = 1,
  /** Titles of items outside both states (a dependency's name in one item's history). */
  names: ReadonlyMap<string, string> = new Map(),
): TRoadmapChange[] {
  const titleOf = (id: string) =>
    after.get(id)?.title ?? before.get(id)?.title ?? names.get(id) ?? 'an unknown item';
  const out: TRoadmapChange[] = [];
  for (const [id, a] of after) {
    const b = before.get(id);
    if (!b || b.status === 'dropped') {
      if (a.status === 'dropped') continue;
      if (!b) {
        const range = rangeText(a.earliest, a.latest);
        out.push(change(id, a, 'added', `${a.title} added (${range})`, { to: range }));
        out.push(...newlyBroken(id, before, after, titleOf));
        continue;
      }
    }
    if (a.status === 'dropped' && b.status !== 'dropped') {
      out.push(change(id, a, 'dropped', `${a.title} dropped`, { from: statusWords(b.status) }));
      continue;
    }
    out.push(...dateChanges(id, b, a, fiscalYearStartMonth), ...fieldChanges(id, b, a, titleOf));
    out.push(...newlyBroken(id, before, after, titleOf));
  }
  for (const [id, b] of before) {
    if (!after.has(id) && b.status !== 'dropped') out.push(change(id, b, 'dropped', `${b.title} removed`));
  }
  return out;
}

function newlyBroken(id: string, before: ItemStates, after: ItemStates, titleOf: (id: string) => string) {
  const was = new Set(before.has(id) ? brokenDependencies(id, before) : []);
  const a = after.get(id)!;
  return brokenDependencies(id, after)
    .filter((dep) => !was.has(dep))
    .map((dep) => {
      const d = after.get(dep);
      const why =
        !d || d.status === 'dropped'
          ? 'was dropped'
          : `may land after it (${rangeText(d.earliest, d.latest)})`;
      return change(id, a, 'dependency_broken', `${a.title} depends on ${titleOf(dep)}, which ${why}`, {
        otherItemId: dep,
      });
    });
}

/** How far an item moved between two published views, in days (the larger of its two ends' moves). */
export function movedDays(
  before: { earliest: string; latest: string },
  after: { earliest: string; latest: string },
) {
  return Math.max(
    Math.abs(daysBetween(before.earliest, after.earliest)),
    Math.abs(daysBetween(before.latest, after.latest)),
  );
}
