import { Link } from 'react-router';
import { currentWeekKey } from '../../../shared/calendar.ts';
import type { TPod } from '../../../shared/org.ts';
import { POD_ROLES, type TPodRole } from '../../../shared/roles.ts';
import { now as clockNow } from '../../lib/clock.ts';
import { contractBadge } from '../../lib/contracts.ts';
import { POD_ROLE_LABELS, plural } from '../../lib/labels.ts';

const GROUP_TITLES: Record<TPodRole, string> = { pm: 'PM', designer: 'Design', engineer: 'Engineering' };

/** The 3-1-1 and single-threading warnings, worded by the API; shown wherever a pod is shown. */
export function PodWarnings({ pod }: { pod: TPod }) {
  if (pod.warnings.length === 0) {
    return <p className="pod-ok">Follows 3-1-1, single-threaded.</p>;
  }
  return (
    <div className="pod-warnings" role="status" aria-label={`Warnings for ${pod.name}`}>
      <p className="pod-warnings-title">
        <span aria-hidden="true">⚠ </span>
        {plural(pod.warnings.length, 'warning')}
      </p>
      <ul>
        {pod.warnings.map((w) => (
          <li key={`${w.code}-${w.message}`} data-code={w.code}>
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PodMembers({ pod }: { pod: TPod }) {
  if (pod.members.length === 0) return <p className="muted">No members yet.</p>;
  return (
    <dl className="pod-members">
      {POD_ROLES.map((role) => {
        const members = pod.members.filter((m) => m.role === role);
        return (
          <div key={role} className="pod-role-group">
            <dt>
              {GROUP_TITLES[role]} <span className="muted">({members.length})</span>
            </dt>
            <dd>
              {members.length === 0 ? (
                <span className="muted">no {POD_ROLE_LABELS[role].toLowerCase()}</span>
              ) : (
                members.map((m, i) => (
                  <span key={m.personId}>
                    {i > 0 ? ', ' : ''}
                    <Link to={`/people/${m.personId}`}>{m.name}</Link>
                  </span>
                ))
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Who shields the pod from inbound bugs this week (production-engineering rotation). */
export function RotationNow({ pod, timeZone }: { pod: TPod; timeZone: string | null }) {
  // The org's week, not the reader's: the rotation changes hands on the org's Monday.
  if (!timeZone) return null;
  const thisWeek = currentWeekKey(new Date(clockNow()), timeZone);
  const now = pod.rotation.find((r) => r.week === thisWeek);
  const next = pod.rotation.filter((r) => r.week > thisWeek).sort((a, b) => a.week.localeCompare(b.week))[0];
  return (
    <p className="rotation-now">
      <strong>Bug rotation this week ({thisWeek}):</strong>{' '}
      {now ? <Link to={`/people/${now.personId}`}>{now.name}</Link> : <span className="muted">nobody</span>}
      {next ? (
        <span className="muted">
          {' '}
          · next: {next.name} ({next.week})
        </span>
      ) : null}
    </p>
  );
}

/** "No signed contract" (with how far it got) or "Contract signed": nothing for a reader who may not know. */
export function ContractBadge({ pod }: { pod: TPod }) {
  const badge = contractBadge(pod.contract);
  if (!badge) return null;
  return (
    <p className="pod-contract-badge">
      <Link to={`/pods/${pod.id}`} className={`badge no-margin ${badge.tone}`}>
        {badge.text}
      </Link>{' '}
      <span className="muted">{badge.detail}</span>
    </p>
  );
}
