import { useId } from 'react';
import './stacked-bar-chart.css';

export interface Series {
  key: string;
  label: string;
  /** A CSS class for the colour; the legend and the table say the same in words. */
  className: string;
}

export interface Column {
  key: string;
  label: string;
  /** Count per series key. */
  values: Record<string, number>;
}

const TOP = 16;
const PLOT_H = 180;
const LEFT = 36;
const COL_W = 34;
const GAP = 10;

/** 0 and whole, round steps (1, 2, 5, 10, 20…) up to the largest column, four or five of them. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const step = 10 ** Math.max(0, Math.floor(Math.log10(max)) - 1);
  const nice = [1, 2, 5, 10, 20, 50].map((m) => m * step).find((s) => max / s <= 4) ?? max;
  const out: number[] = [];
  for (let t = 0; out.at(-1) === undefined || out.at(-1)! < max; t += nice) out.push(t);
  return out;
}

/**
 * Counts over time as stacked columns (a theme's weekly items by severity), inline SVG like BarChart: one
 * labelled image, with the same numbers in a table for screen readers and anyone who prefers to read.
 */
export function StackedBarChart({
  title,
  columns,
  series,
  columnHeading = 'Week',
}: {
  title: string;
  columns: readonly Column[];
  series: readonly Series[];
  columnHeading?: string;
}) {
  const id = useId();
  const total = (c: Column) => series.reduce((a, s) => a + (c.values[s.key] ?? 0), 0);
  const scale = ticks(Math.max(0, ...columns.map(total)));
  const top = scale.at(-1) || 1;
  const y = (v: number) => TOP + PLOT_H - (v / top) * PLOT_H;
  const width = LEFT + columns.length * (COL_W + GAP) + GAP;
  const height = TOP + PLOT_H + 40;
  const summary = columns
    .map(
      (c) =>
        `${c.label}: ${total(c)} (${series.map((s) => `${s.label} ${c.values[s.key] ?? 0}`).join(', ')})`,
    )
    .join('; ');
  return (
    <figure className="chart stacked-chart">
      <figcaption className="chart-title">{title}</figcaption>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`legend-swatch ${s.className}`} /> {s.label}
          </li>
        ))}
      </ul>
      <svg
        viewBox={`0 0 ${Math.max(width, 240)} ${height}`}
        width={Math.max(width, 240)}
        height={height}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary || 'No data.'}</desc>
        {scale.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={width} y1={y(t)} y2={y(t)} className={t ? 'chart-grid' : 'chart-axis'} />
            <text x={LEFT - 6} y={y(t)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
              {t}
            </text>
          </g>
        ))}
        {columns.map((c, i) => {
          const x = LEFT + GAP + i * (COL_W + GAP);
          let base = 0;
          return (
            <g key={c.key}>
              {series.map((s) => {
                const v = c.values[s.key] ?? 0;
                if (!v) return null;
                const rect = (
                  <rect
                    key={s.key}
                    x={x}
                    y={y(base + v)}
                    width={COL_W}
                    height={y(base) - y(base + v)}
                    className={`chart-stack ${s.className}`}
                  />
                );
                base += v;
                return rect;
              })}
              <text x={x + COL_W / 2} y={y(base) - 4} className="chart-tick" textAnchor="middle">
                {base || ''}
              </text>
              <text x={x + COL_W / 2} y={TOP + PLOT_H + 16} className="chart-tick" textAnchor="middle">
                {c.label}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{columnHeading}</th>
                {series.map((s) => (
                  <th scope="col" className="num" key={s.key}>
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.key}>
                  <th scope="row">{c.label}</th>
                  {series.map((s) => (
                    <td className="num" key={s.key}>
                      {c.values[s.key] ?? 0}
                    </td>
                  ))}
                  <td className="num">{total(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
