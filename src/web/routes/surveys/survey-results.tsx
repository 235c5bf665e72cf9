import type { TAwarenessResults, TPulseResults } from '../../../shared/surveys.ts';
import { SCORE_LABELS } from '../../../shared/surveys.ts';
import { surveysApi } from '../../api-surveys.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';

const pct = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;

function Awareness({ a }: { a: TAwarenessResults }) {
  if (!a.releases.length) return <p className="empty">No Tier 2/3 launch has been asked about yet.</p>;
  return (
    <>
      <p>
        {a.surprisedPct === null
          ? 'No answers yet.'
          : `${pct(a.surprisedPct)} of ${a.answeredLaunches} answered launches surprised somebody (target: at most ${pct(a.targetPct)}).`}
      </p>
      <div className="table-wrap">
        <table>
          <caption>
            “Were you aware of this release before it shipped?” — Sales, CS and Support, Day 3
          </caption>
          <thead>
            <tr>
              <th scope="col">Launch</th>
              <th scope="col">Answered</th>
              <th scope="col">Knew</th>
              <th scope="col">Surprised</th>
              <th scope="col">Comments</th>
            </tr>
          </thead>
          <tbody>
            {a.releases.map((r) => (
              <tr key={r.releaseId}>
                <th scope="row">
                  {r.title}
                  <span className="cell-note">
                    Tier {r.tier}, launched {formatLocalDate(r.launchedOn, true)}
                  </span>
                  {r.surprise ? <span className="badge warn">Surprise</span> : null}
                </th>
                <td>
                  {r.answered} of {r.asked}
                </td>
                <td>{r.aware}</td>
                <td>{r.notAware}</td>
                <td>
                  {r.comments.map((c) => (
                    <p key={c.name + c.comment}>
                      {c.name}: “{c.comment}”
                    </p>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Pulse({ p }: { p: TPulseResults }) {
  if (!p.results)
    return (
      <p>
        {p.label}: {p.answers} of ≥{p.minAnswers} answers so far ({p.asked} PMs asked). Results show from{' '}
        {p.minAnswers} answers, so nobody’s answer can be told apart.
      </p>
    );
  const r = p.results;
  return (
    <>
      <p>
        {p.label}: <strong>{pct(r.agreePct)} agree</strong> ({p.answers} of {p.asked} PMs answered; target
        above {pct(p.targetPct)}, {r.meetsTarget ? 'met' : 'not met'}).
      </p>
      <ul className="plain">
        {r.distribution.map((n, i) => (
          <li key={SCORE_LABELS[i]}>
            {i + 1} · {SCORE_LABELS[i]}: {n}
          </li>
        ))}
      </ul>
      {r.comments.length ? (
        <ul>
          {r.comments.map((c) => (
            <li key={c}>“{c}”</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Issue 16's asked metrics (for the metrics page to embed): launch awareness and the PM pulse. Product org only. */
export function SurveyResults({ from, to, quarter }: { from?: string; to?: string; quarter?: string }) {
  const data = useLoad(['surveys', from, to, quarter], async (signal) => {
    const [awareness, pulse] = await Promise.all([
      surveysApi.awareness({ from, to }, signal),
      surveysApi.pulse(quarter, signal),
    ]);
    return { awareness, pulse };
  });
  return (
    <section aria-labelledby="surveys-heading" className="panel">
      <h2 id="surveys-heading">Surveys</h2>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="the survey results" />
        )
      ) : (
        <>
          <h3>Launch awareness</h3>
          <Awareness a={data.data.awareness} />
          <h3>PM pulse</h3>
          <p className="muted">
            “Product Ops has reduced the time I spend on coordination and status updates”
          </p>
          <Pulse p={data.data.pulse} />
        </>
      )}
    </section>
  );
}
