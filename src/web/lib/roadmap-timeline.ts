/**
 * Geometry of the roadmap timeline, in pixels: quarter columns, one lane per area, items as bars from earliest to
 * latest (packed in rows so none overlaps), and dependency lines between bars. Pure, so it is unit-tested.
 */

export interface Span {
  label: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

export interface TimelineEntry {
  id: string;
  laneId: string;
  earliest: string;
  latest: string;
  dependsOn: readonly string[];
  /** Width the title needs; it goes inside the bar when it fits, right after the bar otherwise. */
  labelWidth?: number;
}

export interface TimelineOptions {
  pxPerDay: number;
  rowHeight: number;
  barHeight: number;
  lanePadding: number;
  /** A bar of a few days stays wide enough to see and to click. */
  minBarWidth: number;
  /** Horizontal space kept between two bars in one row, and between a bar and a label after it. */
  gap: number;
}

export const TIMELINE_OPTIONS: TimelineOptions = {
  pxPerDay: 2,
  rowHeight: 34,
  barHeight: 26,
  lanePadding: 6,
  minBarWidth: 28,
  gap: 6,
};

export interface Column extends Span {
  x: number;
  width: number;
}

export interface PlacedBar {
  id: string;
  laneId: string;
  x: number;
  /** The bar: the range. */
  width: number;
  /** The bar and its label when the label goes after it: what no other bar of the row may overlap. */
  span: number;
  labelInside: boolean;
  /** Top within its lane. */
  top: number;
  /** Top on the whole timeline (for the dependency lines). */
  y: number;
  row: number;
  /** The range starts before the first column / ends after the last one. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface PlacedLane {
  id: string;
  y: number;
  height: number;
  rows: number;
}

export interface DependencyLine {
  /** The item that depends… */
  from: string;
  /** …on this one. */
  to: string;
  /** SVG path from the end of the dependency's bar to the start of the dependent's bar. */
  d: string;
  broken: boolean;
}

export interface Timeline {
  width: number;
  height: number;
  columns: Column[];
  lanes: PlacedLane[];
  bars: PlacedBar[];
  /** Items entirely before the first column or after the last one. */
  outside: string[];
  links: DependencyLine[];
  todayX: number | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const round = (n: number) => Math.round(n * 10) / 10;
/** Dates as YYYY-MM-DD compare as strings. */
const laterOf = (a: string, b: string) => (a > b ? a : b);
const earlierOf = (a: string, b: string) => (a < b ? a : b);

/** Days from the first span's start to the last one's end. */
export const spanDays = (spans: readonly Span[]) =>
  spans.length ? dayNumber(spans[spans.length - 1]!.end) - dayNumber(spans[0]!.start) + 1 : 0;

/** Key of a dependency: "item>dependency". */
export const linkKey = (from: string, to: string) => `${from}>${to}`;

interface Placed {
  bar: Omit<PlacedBar, 'top' | 'y' | 'row'>;
  entry: TimelineEntry;
}

function placeHorizontally(spans: readonly Span[], entries: readonly TimelineEntry[], o: TimelineOptions) {
  const first = spans[0]!.start;
  const last = spans[spans.length - 1]!.end;
  const x = (date: string) => (dayNumber(date) - dayNumber(first)) * o.pxPerDay;
  const placed: Placed[] = [];
  const outside: string[] = [];
  for (const e of entries) {
    if (e.latest < first || e.earliest > last) {
      outside.push(e.id);
      continue;
    }
    const from = laterOf(e.earliest, first);
    const to = earlierOf(e.latest, last);
    const width = round(Math.max(o.minBarWidth, x(to) + o.pxPerDay - x(from)));
    const labelInside = (e.labelWidth ?? 0) <= width;
    const bar = {
      id: e.id,
      laneId: e.laneId,
      x: round(x(from)),
      width,
      span: labelInside ? width : round(width + o.gap + (e.labelWidth ?? 0)),
      labelInside,
      clippedStart: e.earliest < first,
      clippedEnd: e.latest > last,
    };
    placed.push({ bar, entry: e });
  }
  const columns = spans.map((s) => ({
    ...s,
    x: round(x(s.start)),
    width: round(x(s.end) + o.pxPerDay - x(s.start)),
  }));
  return { placed, outside, columns, x, width: round(x(last) + o.pxPerDay), first, last };
}

/** First row whose last bar ends (plus the gap) before this one starts; a new row otherwise. */
function packRows(bars: readonly Placed['bar'][], gap: number): Map<string, number> {
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  const sorted = [...bars].sort((a, b) => a.x - b.x || a.id.localeCompare(b.id));
  for (const b of sorted) {
    let row = rowEnds.findIndex((end) => end + gap <= b.x);
    if (row < 0) row = rowEnds.push(0) - 1;
    rowEnds[row] = b.x + b.span;
    rows.set(b.id, row);
  }
  return rows;
}

function dependencyLines(
  bars: readonly PlacedBar[],
  entries: ReadonlyMap<string, TimelineEntry>,
  broken: ReadonlySet<string>,
  barHeight: number,
): DependencyLine[] {
  const byId = new Map(bars.map((b) => [b.id, b]));
  const lines: DependencyLine[] = [];
  for (const a of bars) {
    for (const dep of entries.get(a.id)?.dependsOn ?? []) {
      const b = byId.get(dep);
      if (!b) continue;
      const [sx, sy] = [b.x + b.width, b.y + barHeight / 2];
      const [ex, ey] = [a.x, a.y + barHeight / 2];
      const c = Math.max(20, Math.abs(ex - sx) / 2);
      const d = `M${round(sx)} ${round(sy)} C${round(sx + c)} ${round(sy)} ${round(ex - c)} ${round(ey)} ${round(ex)} ${round(ey)}`;
      lines.push({ from: a.id, to: dep, d, broken: broken.has(linkKey(a.id, dep)) });
    }
  }
  return lines;
}

/**
 * Lays out `entries` over `spans` (consecutive quarters), one lane per id of `laneIds` in that order. `broken`
 * holds linkKey(item, dependency) of the dependencies that are broken.
 */
export function layoutTimeline(input: {
  spans: readonly Span[];
  laneIds: readonly string[];
  entries: readonly TimelineEntry[];
  broken?: ReadonlySet<string>;
  today?: string;
  options?: Partial<TimelineOptions>;
}): Timeline {
  const o = { ...TIMELINE_OPTIONS, ...input.options };
  const h = placeHorizontally(input.spans, input.entries, o);
  const lanes: PlacedLane[] = [];
  const bars: PlacedBar[] = [];
  let y = 0;
  for (const laneId of input.laneIds) {
    const mine = h.placed.filter((p) => p.bar.laneId === laneId).map((p) => p.bar);
    const rowOf = packRows(mine, o.gap);
    const rows = Math.max(1, ...[...rowOf.values()].map((r) => r + 1));
    for (const b of mine) {
      const row = rowOf.get(b.id)!;
      const top = o.lanePadding + row * o.rowHeight + (o.rowHeight - o.barHeight) / 2;
      bars.push({ ...b, row, top, y: y + top });
    }
    const height = o.lanePadding * 2 + rows * o.rowHeight;
    lanes.push({ id: laneId, y, height, rows });
    y += height;
  }
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const today = input.today;
  return {
    width: h.width,
    height: y,
    columns: h.columns,
    lanes,
    bars,
    outside: h.outside,
    links: dependencyLines(bars, entries, input.broken ?? new Set(), o.barHeight),
    todayX: today && today >= h.first && today <= h.last ? round(h.x(today) + o.pxPerDay / 2) : null,
  };
}
