import { brokenDependencies } from '../../domain/roadmap/changes.ts';
import {
  ROADMAP_STATUSES,
  type TRoadmapChange,
  type TRoadmapItem,
  type TRoadmapItemState,
  type TRoadmapStatus,
  VISIBILITIES,
} from '../../shared/roadmap.ts';

/** The roadmap page's filters, kept in the URL. status "" = everything but dropped items; "all" = those too. */
export interface RoadmapFilter {
  areaId: string;
  status: '' | 'all' | TRoadmapStatus;
  visibility: '' | (typeof VISIBILITIES)[number];
  pending: boolean;
}

const oneOf = <T extends string>(values: readonly T[], v: string | null): v is T =>
  v !== null && (values as readonly string[]).includes(v);

export function filterFromParams(params: URLSearchParams): RoadmapFilter {
  const status = params.get('status');
  const visibility = params.get('visibility');
  return {
    areaId: params.get('area') ?? '',
    status: status === 'all' || oneOf(ROADMAP_STATUSES, status) ? status : '',
    visibility: oneOf(VISIBILITIES, visibility) ? visibility : '',
    pending: params.get('pending') === 'true',
  };
}

export function paramsFromFilter(f: RoadmapFilter): URLSearchParams {
  const out = new URLSearchParams();
  if (f.areaId) out.set('area', f.areaId);
  if (f.status) out.set('status', f.status);
  if (f.visibility) out.set('visibility', f.visibility);
  if (f.pending) out.set('pending', 'true');
  return out;
}

export function filterItems<T extends TRoadmapItem>(items: readonly T[], f: RoadmapFilter): T[] {
  return items.filter(
    (it) =>
      (!f.areaId || it.areaId === f.areaId) &&
      (f.status === 'all' || (f.status === '' ? it.status !== 'dropped' : it.status === f.status)) &&
      (!f.visibility || it.visibility === f.visibility) &&
      (!f.pending || it.pending),
  );
}

export interface BrokenLink {
  itemId: string;
  itemTitle: string;
  depId: string;
  /** null when the dependency is not on the roadmap any more. */
  dep: Pick<TRoadmapItem, 'title' | 'status' | 'rangeText'> | null;
}

/** Every broken dependency of the working roadmap (the domain's rule: dropped, gone, or landing after it). */
export function brokenLinks(items: readonly TRoadmapItem[]): BrokenLink[] {
  const byId = new Map(items.map((it) => [it.id, it]));
  const states: ReadonlyMap<string, TRoadmapItemState> = byId;
  return items.flatMap((it) =>
    brokenDependencies(it.id, states).map((depId) => ({
      itemId: it.id,
      itemTitle: it.title,
      depId,
      dep: byId.get(depId) ?? null,
    })),
  );
}

/** "Usage billing depends on Metering, which was dropped" / "…which may land after it (Mid Jan – late Feb 2027)". */
export function brokenText(b: BrokenLink): string {
  if (!b.dep) return `${b.itemTitle} depends on an item that is no longer on the roadmap`;
  const why = b.dep.status === 'dropped' ? 'was dropped' : `may land after it (${b.dep.rangeText})`;
  return `${b.itemTitle} depends on ${b.dep.title}, which ${why}`;
}

/** The areas that hold items, in the order of `areas` (items of an unknown area come last, by name). */
export function lanesFor(
  items: readonly Pick<TRoadmapItem, 'areaId' | 'areaName'>[],
  areas: readonly { id: string; name: string }[],
): { id: string; name: string }[] {
  const used = new Map(items.map((it) => [it.areaId, it.areaName]));
  const known = areas.filter((a) => used.has(a.id)).map((a) => ({ id: a.id, name: a.name }));
  const knownIds = new Set(known.map((a) => a.id));
  const rest = [...used]
    .filter(([id]) => !knownIds.has(id))
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...known, ...rest];
}

export interface ChangeGroup {
  areaId: string;
  areaName: string;
  items: { itemId: string; title: string; changes: TRoadmapChange[] }[];
}

/** Changes by area (in the areas' order), then by item (in the order the API gave them). */
export function groupChanges(
  changes: readonly TRoadmapChange[],
  areas: readonly { id: string; name: string }[],
): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  for (const c of changes) {
    let g = groups.get(c.areaId);
    if (!g) {
      g = {
        areaId: c.areaId,
        areaName: areas.find((a) => a.id === c.areaId)?.name ?? 'Another area',
        items: [],
      };
      groups.set(c.areaId, g);
    }
    let it = g.items.find((x) => x.itemId === c.itemId);
    if (!it) {
      it = { itemId: c.itemId, title: c.title, changes: [] };
      g.items.push(it);
    }
    it.changes.push(c);
  }
  const order = (id: string) => {
    const i = areas.findIndex((a) => a.id === id);
    return i < 0 ? areas.length : i;
  };
  return [...groups.values()].sort((a, b) => order(a.areaId) - order(b.areaId));
}
