import { Link, useParams } from 'react-router';
import { METRIC_KEYS, type TMetricDetail, type TMetricKey } from '../../../shared/metrics.ts';
import { metricsApi } from '../../api-metrics.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { MetricCard } from './metric-card.tsx';
import { useWeeks, WeeksPicker } from './metrics-page.tsx';

const countedText = (c: boolean | null, key: TMetricKey) => {
  if (c === null) return '';
  if (key === 'surprise') return c ? 'surprise' : 'told in time';
  if (key === 'confused_customers' || key === 'operational_burden') return c ? 'above' : 'within';
  if (key === 'bug_backlog') return 'over the limit';
  if (key === 'gate_overrides') return 'overridden';
  return c ? 'counted' : 'not counted';
};

function Records({ d }: { d: TMetricDetail }) {
  if (d.records.length === 0) return <p className="empty">No record in these weeks.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>The records behind the figure ({d.records.length})</caption>
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Date ({d.timeZone})</th>
            <th scope="col">Counted</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {d.records.map((r, i) => (
            // Records may repeat a label (a ritual's occurrences): the row's place is its identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: records have no id of their own
            <tr key={i}>
              <th scope="row">{r.href ? <Link to={r.href}>{r.label}</Link> : r.label}</th>
              <td>{r.date ? formatLocalDate(r.date, true) : ''}</td>
              <td>{countedText(r.counted, d.metric.key)}</td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One metric and the exact records behind it (issue 16). */
export function MetricPage() {
  const { key = '' } = useParams();
  const [weeks, setWeeks] = useWeeks();
  const known = (METRIC_KEYS as readonly string[]).includes(key);
  const data = useLoad(known ? ['metrics', key, weeks] : null, (signal) =>
    metricsApi.one(key as TMetricKey, weeks, signal),
  );
  const title = data.data?.metric.label ?? 'Metric';
  return (
    <Page title={title} intro={<Link to={`/metrics?weeks=${weeks}`}>← All metrics</Link>}>
      {!known ? <p className="empty">There is no metric called “{key}”.</p> : null}
      <WeeksPicker weeks={weeks} onChange={setWeeks} />
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {known && !data.data && !data.error ? <Loading what="the metric" /> : null}
      {data.data ? (
        <>
          <MetricCard m={data.data.metric} weeks={weeks} />
          <Records d={data.data} />
        </>
      ) : null}
    </Page>
  );
}
