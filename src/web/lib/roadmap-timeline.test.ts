import { describe, expect, it } from 'vitest';
import {
  layoutTimeline,
  linkKey,
  type Span,
  TIMELINE_OPTIONS,
  type TimelineEntry,
} from './roadmap-timeline.ts';

const spans: Span[] = [
  { label: 'Q1 2027', start: '2027-01-01', end: '2027-03-31' },
  { label: 'Q2 2027', start: '2027-04-01', end: '2027-06-30' },
];
const o = TIMELINE_OPTIONS;
const entry = (id: string, earliest: string, latest: string, extra: Partial<TimelineEntry> = {}) => ({
  id,
  laneId: 'a',
  earliest,
  latest,
  dependsOn: [],
  ...extra,
});

describe('the roadmap timeline', () => {
  it('gives each quarter a column as wide as its days', () => {
    const t = layoutTimeline({ spans, laneIds: [], entries: [] });
    expect(t.columns.map((c) => [c.x, c.width])).toEqual([
      [0, 90 * o.pxPerDay],
      [90 * o.pxPerDay, 91 * o.pxPerDay],
    ]);
    expect(t.width).toBe(181 * o.pxPerDay);
    expect(t.height).toBe(0);
  });

  it('draws a range from its earliest day to the end of its latest day', () => {
    const t = layoutTimeline({ spans, laneIds: ['a'], entries: [entry('x', '2027-01-11', '2027-02-09')] });
    expect(t.bars[0]).toMatchObject({ x: 10 * o.pxPerDay, width: 30 * o.pxPerDay, row: 0 });
    expect(t.bars[0]!.clippedStart).toBe(false);
  });

  it('keeps a short range wide enough to click', () => {
    const t = layoutTimeline({ spans, laneIds: ['a'], entries: [entry('x', '2027-02-01', '2027-02-01')] });
    expect(t.bars[0]!.width).toBe(o.minBarWidth);
  });

  it('clips ranges at the edges and sets aside those entirely outside', () => {
    const t = layoutTimeline({
      spans,
      laneIds: ['a'],
      entries: [
        entry('before', '2026-10-01', '2026-12-31'),
        entry('over', '2026-12-01', '2027-08-01'),
        entry('after', '2027-07-01', '2027-07-20'),
      ],
    });
    expect(t.outside).toEqual(['before', 'after']);
    expect(t.bars).toHaveLength(1);
    expect(t.bars[0]).toMatchObject({ x: 0, width: t.width, clippedStart: true, clippedEnd: true });
  });

  it('packs overlapping ranges of one lane into rows and stacks the lanes', () => {
    const t = layoutTimeline({
      spans,
      laneIds: ['a', 'b'],
      entries: [
        entry('one', '2027-01-01', '2027-02-15'),
        entry('two', '2027-02-01', '2027-03-15'),
        entry('three', '2027-03-01', '2027-04-30'),
        entry('four', '2027-01-01', '2027-01-31', { laneId: 'b' }),
      ],
    });
    const row = (id: string) => t.bars.find((b) => b.id === id)!.row;
    expect([row('one'), row('two'), row('three')]).toEqual([0, 1, 0]);
    const laneHeight = (rows: number) => o.lanePadding * 2 + rows * o.rowHeight;
    expect(t.lanes).toEqual([
      { id: 'a', y: 0, height: laneHeight(2), rows: 2 },
      { id: 'b', y: laneHeight(2), height: laneHeight(1), rows: 1 },
    ]);
    const four = t.bars.find((b) => b.id === 'four')!;
    expect(four.y).toBe(laneHeight(2) + four.top);
    expect(t.height).toBe(laneHeight(2) + laneHeight(1));
  });

  it('gives an empty lane one row', () => {
    const t = layoutTimeline({ spans, laneIds: ['empty'], entries: [] });
    expect(t.lanes[0]!.rows).toBe(1);
  });

  it('draws a line from the end of a dependency to the start of the item, marking broken ones', () => {
    const t = layoutTimeline({
      spans,
      laneIds: ['a'],
      entries: [
        entry('dep', '2027-01-01', '2027-01-30'),
        entry('item', '2027-02-10', '2027-03-01', { dependsOn: ['dep', 'elsewhere'] }),
      ],
      broken: new Set([linkKey('item', 'dep')]),
    });
    expect(t.links).toHaveLength(1);
    const [line] = t.links;
    expect(line).toMatchObject({ from: 'item', to: 'dep', broken: true });
    const dep = t.bars.find((b) => b.id === 'dep')!;
    const item = t.bars.find((b) => b.id === 'item')!;
    const mid = (b: typeof dep) => b.y + o.barHeight / 2;
    expect(line!.d.startsWith(`M${dep.x + dep.width} ${mid(dep)} `)).toBe(true);
    expect(line!.d.endsWith(` ${item.x} ${mid(item)}`)).toBe(true);
  });

  it('puts a label that does not fit after its bar, and keeps the next bar of the row clear of it', () => {
    const t = layoutTimeline({
      spans,
      laneIds: ['a'],
      entries: [
        entry('short', '2027-01-01', '2027-01-20', { labelWidth: 100 }),
        entry('next', '2027-02-01', '2027-02-20', { labelWidth: 30 }),
        entry('later', '2027-04-01', '2027-04-30', { labelWidth: 30 }),
      ],
    });
    const bar = (id: string) => t.bars.find((b) => b.id === id)!;
    expect(bar('short')).toMatchObject({ width: 40, span: 40 + o.gap + 100, labelInside: false });
    expect(bar('next')).toMatchObject({ span: bar('next').width, labelInside: true, row: 1 });
    expect(bar('later').row).toBe(0);
  });

  it('marks today only when it is on the timeline', () => {
    expect(layoutTimeline({ spans, laneIds: [], entries: [], today: '2027-01-02' }).todayX).toBe(
      o.pxPerDay * 1.5,
    );
    expect(layoutTimeline({ spans, laneIds: [], entries: [], today: '2027-07-02' }).todayX).toBeNull();
  });
});
