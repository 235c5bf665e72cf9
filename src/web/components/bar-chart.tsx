import { useId } from 'react';
import './bar-chart.css';

export interface Bar {
  key: string;
  label: string;
  /** Percent, 0–100; null when there is nothing to measure yet. */
  value: number | null;
  /** Extra words for the table ("3 of 4 adopted"). */
  detail?: string;
}

const ROW = 30;
const TOP = 26;
const LABEL_W = 190;
const BAR_W = 360;
const WIDTH = LABEL_W + BAR_W + 70;

const pct = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)}%`;

/**
 * Horizontal percent bars with a target line, drawn as inline SVG (no chart library). The picture is one
 * labelled image; the same numbers are in a table for screen readers and anyone who prefers to read.
 */
export function BarChart({
  title,
  bars,
  target,
  targetLabel = 'Target',
  valueHeading = 'Value',
  higherIsWorse = false,
  noneText = 'no data yet',
}: {
  title: string;
  bars: readonly Bar[];
  target: number;
  targetLabel?: string;
  valueHeading?: string;
  /** A ceiling, not a target (a share of confused customers): above it is the bad side. */
  higherIsWorse?: boolean;
  /** What a bar without a value says ("too few tickets"). */
  noneText?: string;
}) {
  const good = (v: number) => (higherIsWorse ? v <= target : v >= target);
  const against = (v: number) =>
    higherIsWorse ? (v <= target ? 'at or under it' : 'above it') : v >= target ? 'meets it' : 'below it';
  const id = useId();
  const bottom = TOP + bars.length * ROW;
  const height = bottom + 22;
  const x = (v: number) => LABEL_W + (Math.max(0, Math.min(100, v)) / 100) * BAR_W;
  const summary = bars.map((b) => `${b.label}: ${b.value === null ? noneText : pct(b.value)}`).join('; ');
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-desc`}
        className="chart-svg"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-desc`}>{`${targetLabel} ${pct(target)}. ${summary || 'No data.'}`}</desc>
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={bottom} className={t ? 'chart-grid' : 'chart-axis'} />
            <text x={x(t)} y={bottom + 14} className="chart-tick" textAnchor="middle">
              {t}%
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = TOP + i * ROW;
          const meets = b.value !== null && good(b.value);
          return (
            <g key={b.key}>
              <text x={LABEL_W - 8} y={y + ROW / 2} className="chart-label" textAnchor="end">
                {b.label.length > 28 ? `${b.label.slice(0, 27)}…` : b.label}
              </text>
              <rect x={LABEL_W} y={y + 5} width={BAR_W} height={ROW - 10} className="chart-track" />
              {b.value === null ? (
                <text x={LABEL_W + 8} y={y + ROW / 2} className="chart-none">
                  {noneText}
                </text>
              ) : (
                <>
                  <rect
                    x={LABEL_W}
                    y={y + 5}
                    width={Math.max(2, x(b.value) - LABEL_W)}
                    height={ROW - 10}
                    className={meets ? 'chart-bar meets' : 'chart-bar below'}
                  />
                  <text x={x(b.value) + 6} y={y + ROW / 2} className="chart-value">
                    {pct(b.value)}
                  </text>
                </>
              )}
            </g>
          );
        })}
        <line x1={x(target)} x2={x(target)} y1={TOP - 6} y2={bottom} className="chart-target" />
        <text x={x(target)} y={TOP - 10} className="chart-target-label" textAnchor="middle">
          {`${targetLabel} ${pct(target)}`}
        </text>
      </svg>
      <details className="chart-table">
        <summary>Show the numbers as a table</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col" className="num">
                  {valueHeading}
                </th>
                <th scope="col">Against the {targetLabel.toLowerCase()}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{b.value === null ? '–' : pct(b.value)}</td>
                  <td>
                    {b.value === null ? noneText : against(b.value)}
                    {b.detail ? <span className="cell-note">{b.detail}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
