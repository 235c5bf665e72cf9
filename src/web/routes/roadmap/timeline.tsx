import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import { ROADMAP_STATUS_LABELS } from '../../../shared/roadmap.ts';
import { itemLabel } from '../../lib/roadmap-labels.ts';
import {
  layoutTimeline,
  type PlacedBar,
  type Span,
  spanDays,
  TIMELINE_OPTIONS,
} from '../../lib/roadmap-timeline.ts';

/** The lane names' column, in pixels (the geometry starts after it). */
const NAMES_WIDTH = 160;
/** Titles longer than this are cut (with an ellipsis); the link's name and tooltip keep the whole title. */
const MAX_LABEL = 220;

/** About how wide a title is in the bars' bold 0.85rem type, with the padding and the pending mark. */
const labelWidthOf = (it: TRoadmapItem) =>
  Math.min(MAX_LABEL, 16 + it.title.length * 8.2 + (it.pending ? 14 : 0));

/** Fills the width there is: days get wider on a wide screen, never narrower than 1.6 px. */
function usePxPerDay(ref: RefObject<HTMLElement | null>, days: number): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  if (!width || !days) return TIMELINE_OPTIONS.pxPerDay;
  return Math.min(4, Math.max(1.6, (width - NAMES_WIDTH - 2) / days));
}

function Bar({ it, b }: { it: TRoadmapItem; b: PlacedBar }) {
  const label = itemLabel(it);
  const fill = [
    'timeline-fill',
    `confidence-${it.confidence}`,
    b.clippedStart ? 'clipped-start' : '',
    b.clippedEnd ? 'clipped-end' : '',
  ];
  return (
    <li
      className={`timeline-bar status-${it.status}${it.pending ? ' pending' : ''}`}
      style={{ left: NAMES_WIDTH + b.x, top: b.top, width: b.span, height: TIMELINE_OPTIONS.barHeight }}
    >
      <span className={fill.filter(Boolean).join(' ')} style={{ width: b.width }} aria-hidden="true" />
      <Link
        to={`/roadmap/items/${it.id}`}
        className={b.labelInside ? 'timeline-link' : 'timeline-link after-bar'}
        style={b.labelInside ? undefined : { paddingLeft: b.width + TIMELINE_OPTIONS.gap }}
        aria-label={label}
        title={label}
      >
        <span className="timeline-label">{it.title}</span>
      </Link>
    </li>
  );
}

function DependencyLines({
  links,
  width,
  height,
}: Pick<ReturnType<typeof layoutTimeline>, 'links'> & {
  width: number;
  height: number;
}) {
  return (
    <svg
      className="timeline-links"
      aria-hidden="true"
      width={width}
      height={height}
      style={{ left: NAMES_WIDTH }}
    >
      <defs>
        <marker
          id="dep-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0 0 L10 5 L0 10 z" className="dep-arrow" />
        </marker>
        <marker
          id="dep-arrow-broken"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0 0 L10 5 L0 10 z" className="dep-arrow broken" />
        </marker>
      </defs>
      {links.map((l) => (
        <path
          key={`${l.from}>${l.to}`}
          d={l.d}
          className={l.broken ? 'dep-line broken' : 'dep-line'}
          markerEnd={l.broken ? 'url(#dep-arrow-broken)' : 'url(#dep-arrow)'}
        />
      ))}
    </svg>
  );
}

/**
 * Items as bars over quarter columns, one lane per area, with dependency lines (broken ones red and dashed).
 * Every bar is a link whose name says the range, confidence and status; the lines are decoration, the page lists
 * broken dependencies in words.
 */
export function RoadmapTimeline({
  items,
  lanes,
  spans,
  today,
  broken,
}: {
  items: readonly TRoadmapItem[];
  lanes: readonly { id: string; name: string }[];
  spans: readonly Span[];
  today: string;
  broken: ReadonlySet<string>;
}) {
  const wrap = useRef<HTMLElement>(null);
  const pxPerDay = usePxPerDay(wrap, spanDays(spans));
  const t = layoutTimeline({
    spans,
    laneIds: lanes.map((l) => l.id),
    entries: items.map((it) => ({ ...it, laneId: it.areaId, labelWidth: labelWidthOf(it) })),
    broken,
    today,
    options: { pxPerDay },
  });
  const byId = new Map(items.map((it) => [it.id, it]));
  const current = spans.find((s) => s.start <= today && today <= s.end)?.label;
  return (
    // A scrolling region must take focus, so keyboard users can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region
    <section className="timeline-wrap" aria-label="Roadmap timeline" tabIndex={0} ref={wrap}>
      <div className="timeline" style={{ width: NAMES_WIDTH + t.width }}>
        <div className="timeline-head" aria-hidden="true">
          {t.columns.map((c) => (
            <div
              key={c.label}
              className={`timeline-quarter${c.label === current ? ' current' : ''}`}
              style={{ left: NAMES_WIDTH + c.x, width: c.width }}
            >
              {c.label}
              {c.label === current ? ' (now)' : ''}
            </div>
          ))}
        </div>
        <div className="timeline-body" style={{ height: Math.max(t.height, 40) }}>
          {t.columns.map((c) => (
            <div
              key={c.label}
              aria-hidden="true"
              className={`timeline-column${c.label === current ? ' current' : ''}`}
              style={{ left: NAMES_WIDTH + c.x, width: c.width }}
            />
          ))}
          {t.todayX !== null ? (
            <div className="timeline-today" aria-hidden="true" style={{ left: NAMES_WIDTH + t.todayX }} />
          ) : null}
          <DependencyLines links={t.links} width={t.width} height={t.height} />
          {t.lanes.map((lane, i) => {
            const name = lanes[i]!.name;
            const bars = t.bars.filter((b) => b.laneId === lane.id);
            return (
              <div key={lane.id} className="timeline-lane" style={{ top: lane.y, height: lane.height }}>
                <div className="timeline-lane-name" id={`lane-${lane.id}`} style={{ width: NAMES_WIDTH }}>
                  {name}
                </div>
                <ul className="timeline-bars" aria-labelledby={`lane-${lane.id}`}>
                  {bars.map((b) => (
                    <Bar key={b.id} it={byId.get(b.id)!} b={b} />
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      </div>
      {t.outside.length ? (
        <p className="timeline-outside">
          Outside these quarters:{' '}
          {t.outside.map((id, i) => (
            <span key={id}>
              {i ? ', ' : ''}
              <Link to={`/roadmap/items/${id}`}>{byId.get(id)!.title}</Link>
              <span className="muted"> ({byId.get(id)!.rangeText})</span>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}

/** What the colours, fills and lines mean (the bars' names say it all in words too). */
export function TimelineLegend() {
  const statuses = ['exploring', 'planned', 'in_progress', 'shipped', 'paused', 'dropped'] as const;
  return (
    <ul className="timeline-legend" aria-label="Legend">
      {statuses.map((s) => (
        <li key={s}>
          <span className={`legend-bar status-${s} confidence-high`} aria-hidden="true" />
          {ROADMAP_STATUS_LABELS[s]}
        </li>
      ))}
      <li>
        <span className="legend-bar status-planned confidence-high" aria-hidden="true" /> High confidence
      </li>
      <li>
        <span className="legend-bar status-planned confidence-medium" aria-hidden="true" /> Medium
      </li>
      <li>
        <span className="legend-bar status-planned confidence-low" aria-hidden="true" /> Low
      </li>
      <li>
        <span className="legend-bar status-planned confidence-high pending" aria-hidden="true" /> Waiting for
        review
      </li>
      <li>
        <span className="legend-line" aria-hidden="true" /> Depends on
      </li>
      <li>
        <span className="legend-line broken" aria-hidden="true" /> Broken dependency
      </li>
    </ul>
  );
}
