import { Link } from 'react-router';
import type { TAdoption } from '../../../shared/cadence.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';

const pctText = (pct: number | null) => (pct === null ? 'no data' : `${pct}%`);

/**
 * The ritual adoption metric (SPEC C8 target > 80%): occurrences that ran as designed, i.e. enough of the
 * expected people attended and the artifact was produced on time, overall and per ritual.
 */
export function AdoptionSummary({ adoption }: { adoption: TAdoption }) {
  const { overall, target } = adoption;
  const meets = overall.pct !== null && overall.pct >= target;
  return (
    <section aria-labelledby="adoption-heading" className="panel adoption">
      <h2 id="adoption-heading">Ritual adoption</h2>
      <p className="adoption-headline">
        <span className={`adoption-value${overall.pct === null ? '' : meets ? ' meets' : ' below'}`}>
          {pctText(overall.pct)}
        </span>{' '}
        <span className="muted">target {target}%</span>
      </p>
      <p className="muted">
        {overall.eligible === 0
          ? 'No ritual has happened in this window yet.'
          : `${overall.adopted} of ${overall.eligible} occurrences ran as designed: ${overall.attendanceOk} with enough attendance, ${overall.artifactOnTime} with the artifact on time.`}{' '}
        {formatLocalDate(adoption.from, true)} – {formatLocalDate(adoption.to, true)}.
      </p>
      {adoption.perRitual.length ? (
        <BarChart
          title="Adoption per ritual"
          valueHeading="Adoption"
          target={target}
          bars={adoption.perRitual.map((r) => ({
            key: r.ritualId,
            label: r.name,
            value: r.pct,
            detail: `${r.adopted} of ${r.eligible} adopted · attendance ok ${r.attendanceOk} · artifact on time ${r.artifactOnTime}`,
          }))}
        />
      ) : null}
      <p>
        <Link to="/cadence">Open the cadence calendar</Link>
      </p>
    </section>
  );
}
