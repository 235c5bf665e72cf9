import { Link } from 'react-router';
import type { TMetric } from '../../../shared/metrics.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';

const PCT_UNIT = /^%/;

function Verdict({ m }: { m: TMetric }) {
  if (m.meets === null) return <span className="badge no-margin">no figure yet</span>;
  return m.meets ? (
    <span className="badge ok no-margin">meets the target</span>
  ) : (
    <span className="badge warn no-margin">misses the target</span>
  );
}

const pointLabel = (p: TMetric['trend'][number]) =>
  /^\d{4}-W\d{2}$/.test(p.period) ? `Week of ${formatLocalDate(p.from, true)}` : p.period;

/** A trend as a chart when it is a percentage, else as a table of the values. */
export function Trend({ m }: { m: TMetric }) {
  if (m.trend.every((p) => p.value === null)) return <p className="empty">No figure in these weeks yet.</p>;
  if (PCT_UNIT.test(m.unit))
    return (
      <BarChart
        title={`${m.label}, week by week`}
        valueHeading={m.label}
        target={m.target.value}
        higherIsWorse={m.key === 'surprise' || m.key === 'confused_customers'}
        bars={m.trend.map((p) => ({ key: p.period, label: pointLabel(p), value: p.value, detail: p.detail }))}
      />
    );
  return (
    <div className="table-wrap">
      <table>
        <caption>{m.label}, period by period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Records</th>
          </tr>
        </thead>
        <tbody>
          {m.trend.map((p) => (
            <tr key={p.period}>
              <th scope="row">{pointLabel(p)}</th>
              <td className="num">{p.value ?? '—'}</td>
              <td>{p.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One metric: the figure, its target and baseline, whether it meets the target, and the way to its records. */
export function MetricCard({
  m,
  weeks,
  withTrend = true,
}: {
  m: TMetric;
  weeks: number;
  withTrend?: boolean;
}) {
  return (
    <section className="panel metric-card" aria-labelledby={`metric-${m.key}`}>
      <h2 id={`metric-${m.key}`}>{m.label}</h2>
      <p className="muted">{m.unit}</p>
      <p>
        <strong>{m.current.text}</strong> <Verdict m={m} />
      </p>
      <dl className="details">
        <dt>Target</dt>
        <dd>{m.target.text}</dd>
        <dt>Baseline</dt>
        <dd>{m.baseline?.text ?? 'none yet'}</dd>
      </dl>
      {withTrend ? <Trend m={m} /> : null}
      <p>
        <Link to={`/metrics/${m.key}?weeks=${weeks}`}>The records behind {m.label.toLowerCase()}</Link>
      </p>
    </section>
  );
}
