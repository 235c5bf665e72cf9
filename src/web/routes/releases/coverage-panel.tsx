import { Link } from 'react-router';
import { releasesApi } from '../../api-releases.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { formatLocalDate, formatMonth } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';

const periodLabel = (period: string) => (/^\d{4}-\d{2}$/.test(period) ? formatMonth(`${period}-01`) : period);

/**
 * Launch enablement coverage (pack §7, target 100% of Tier 2/3): launches whose final bundle was published
 * before launch day, with its monthly trend against the target.
 */
export function CoveragePanel() {
  const data = useLoad(['releases', 'coverage'], (signal) =>
    releasesApi.coverage({ bucket: 'month' }, signal),
  );
  const c = data.data;
  const missed = c?.releases.filter((r) => !r.covered) ?? [];
  const meets = c?.pct !== null && c !== undefined && c.pct >= c.target;
  return (
    <section aria-labelledby="coverage-heading" className="panel adoption">
      <h2 id="coverage-heading">Enablement coverage</h2>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!c ? (
        data.error ? null : (
          <Loading what="enablement coverage" />
        )
      ) : (
        <>
          <p className="adoption-headline">
            <span className={`adoption-value${c.pct === null ? '' : meets ? ' meets' : ' below'}`}>
              {c.pct === null ? 'no data' : `${c.pct}%`}
            </span>{' '}
            <span className="muted">target {c.target}%</span>
          </p>
          <p className="muted">
            {c.total === 0
              ? 'No Tier 2/3 launch in this window yet.'
              : `${c.covered} of ${c.total} Tier 2/3 launches had their bundle published before launch day.`}{' '}
            {formatLocalDate(c.from, true)} – {formatLocalDate(c.to, true)}.
          </p>
          <BarChart
            title="Enablement coverage by month"
            valueHeading="Coverage"
            target={c.target}
            bars={c.trend.map((p) => ({
              key: p.period,
              label: periodLabel(p.period),
              value: p.pct,
              detail: `${p.covered} of ${p.total} covered`,
            }))}
          />
          {missed.length ? (
            <>
              <h3>Launches without a bundle published in time</h3>
              <ul>
                {missed.map((r) => (
                  <li key={r.id}>
                    <Link to={`/releases/${r.id}`}>{r.title}</Link>{' '}
                    <span className="muted">
                      (Tier {r.tier}, launch {r.launchDate}
                      {r.publishedOn ? `, published ${r.publishedOn}` : ', not published'})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
