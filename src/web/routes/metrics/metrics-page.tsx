import { Link, useSearchParams } from 'react-router';
import type { TMetric } from '../../../shared/metrics.ts';
import { metricsApi } from '../../api-metrics.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { SurveyResults } from '../surveys/survey-results.tsx';
import { MetricCard } from './metric-card.tsx';

export const WEEK_CHOICES = [13, 26, 52] as const;

export function useWeeks(): [number, (weeks: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('weeks'));
  const weeks = (WEEK_CHOICES as readonly number[]).includes(asked) ? asked : 13;
  return [weeks, (w) => setParams({ weeks: String(w) }, { replace: true })];
}

export function WeeksPicker({ weeks, onChange }: { weeks: number; onChange: (weeks: number) => void }) {
  return (
    <>
      <label className="field-label" htmlFor="metrics-weeks">
        Weeks shown
      </label>{' '}
      <select
        className="inline-select"
        id="metrics-weeks"
        value={weeks}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {WEEK_CHOICES.map((w) => (
          <option key={w} value={w}>
            {w === 13 ? 'the last 13 weeks (a quarter)' : `the last ${w} weeks`}
          </option>
        ))}
      </select>
    </>
  );
}

function Group({ title, metrics, weeks }: { title: string; metrics: TMetric[]; weeks: number }) {
  return (
    <>
      <h2>{title}</h2>
      <div className="metric-grid">
        {metrics.map((m) => (
          <MetricCard key={m.key} m={m} weeks={weeks} />
        ))}
      </div>
    </>
  );
}

/** Issue 16: does the system work? The pack's success metrics and the velocity controls, from the records. */
export function MetricsPage() {
  const [weeks, setWeeks] = useWeeks();
  const data = useLoad(['metrics', 'list', weeks], (signal) => metricsApi.list(weeks, signal));
  const metrics = data.data?.metrics ?? [];
  return (
    <Page
      title="Metrics"
      intro={
        <p>
          Every figure here is computed from prodops' own records — launches and who was told, ritual
          occurrences, status pings, support tickets — with its target, its baseline (the first weeks that had
          records) and its trend. Open a metric to see the exact records behind it. The{' '}
          <Link to="/charter">charter</Link> sets the targets, the <Link to="/frictions">top frictions</Link>{' '}
          say what they measure, and the <Link to="/qbr">quarterly QBR</Link> reviews them.
        </p>
      }
      actions={
        <>
          <Link className="button" to="/plan">
            The 30/60/90 plan
          </Link>
          <a className="button" href={metricsApi.csvUrl(weeks)} download>
            Download the records (CSV)
          </a>
        </>
      }
    >
      <WeeksPicker weeks={weeks} onChange={setWeeks} />
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="the metrics" />
        )
      ) : (
        <>
          <Group
            title="Success metrics"
            metrics={metrics.filter((m) => m.group === 'success')}
            weeks={weeks}
          />
          <Group
            title="Velocity controls"
            metrics={metrics.filter((m) => m.group === 'control')}
            weeks={weeks}
          />
          <SurveyResults />
        </>
      )}
    </Page>
  );
}
