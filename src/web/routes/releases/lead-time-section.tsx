import type { TDeadline, TLeadTime } from '../../../shared/release-detail.ts';
import { plural } from '../../lib/labels.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { DEADLINE_LABELS } from '../../lib/release-labels.ts';
import { Fold } from './release-fold.tsx';

const WHAT = { distribute: 'Distribute to Support & Sales by', publish: 'Publish the final bundle by' };

function DeadlineRow({ d }: { d: TDeadline }) {
  const s = DEADLINE_LABELS[d.status];
  const left = d.businessDaysLeft;
  return (
    <>
      <dt>{WHAT[d.kind]}</dt>
      <dd>
        {d.due ? <time dateTime={d.due}>{formatLocalDate(d.due, true)}</time> : '—'}{' '}
        <span className={`badge ${s.tone}`}>{s.text}</span>
        {d.doneOn ? <span className="muted"> on {formatLocalDate(d.doneOn, true)}</span> : null}
        {d.status === 'open' && left !== null ? (
          <span className="muted">
            {' '}
            ({left === 0 ? 'due today' : `${plural(left, 'business day')} left`})
          </span>
        ) : null}
      </dd>
    </>
  );
}

/** The bundle's deadlines for this tier and date (org work week and holidays), what is late, the way out. */
export function LeadTimeSection({
  leadTime,
  launched,
  line,
}: {
  leadTime: TLeadTime | null;
  launched: boolean;
  line: string;
}) {
  return (
    <Fold id="lead-time" title="Lead time" line={line}>
      {!leadTime ? (
        <p className="muted">Assign a tier to see the bundle's deadlines.</p>
      ) : leadTime.distributeBy === null ? (
        <p className="muted">
          This tier needs no enablement bundle: mention the launch in the weekly update.
        </p>
      ) : (
        <>
          <dl className="details">
            {leadTime.deadlines.map((d) => (
              <DeadlineRow key={d.kind} d={d} />
            ))}
            {launched ? null : (
              <>
                <dt>Earliest compliant launch</dt>
                <dd>
                  <time dateTime={leadTime.earliestCompliantLaunch}>
                    {formatLocalDate(leadTime.earliestCompliantLaunch, true)}
                  </time>{' '}
                  <span className="muted">(if the bundle went out today)</span>
                </dd>
              </>
            )}
          </dl>
          {leadTime.late.length ? (
            <div className="notice warn" role="note" aria-label="Late">
              <ul>
                {leadTime.late.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="muted">
              {launched ? 'Every deadline was met.' : 'Every deadline can still be met.'}
            </p>
          )}
        </>
      )}
    </Fold>
  );
}
