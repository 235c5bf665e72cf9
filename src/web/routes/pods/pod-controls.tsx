import { Link } from 'react-router';
import type { TAreaQualityDetail } from '../../../shared/quality.ts';
import type { TPodVelocity } from '../../../shared/velocity.ts';
import { qualityApi } from '../../api-quality.ts';
import { velocityApi } from '../../api-velocity.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { burdenText, figureText } from '../../lib/quality.ts';
import { useLoad } from '../../lib/use-load.ts';
import { MenuPanel } from '../velocity/menu-panel.tsx';

const WEEKS = 12;

function Quality({ q }: { q: TAreaQualityDetail }) {
  const polish = q.confusion.polishMode;
  return (
    <ul className="plain-list">
      <li>
        {polish ? <span className="badge warn no-margin">Polish Mode</span> : null}{' '}
        {figureText(q.confusion.current, q.rule)}.
      </li>
      <li>
        {q.burden.current.above ? <span className="badge warn no-margin">Burden above threshold</span> : null}{' '}
        {burdenText(q.burden.current, q.rule)}.
      </li>
      <li>
        <Link to={`/areas/${q.area.id}`}>The tickets behind these figures, on {q.area.name}'s page</Link>
      </li>
    </ul>
  );
}

function Velocity({ v }: { v: TPodVelocity }) {
  const total = v.weeks.reduce((n, w) => n + w.launches.length, 0);
  const l = v.leadTime;
  return (
    <ul className="plain-list">
      <li>
        {total} {total === 1 ? 'launch' : 'launches'} in the last {WEEKS} weeks ({v.perWeek} per week).
      </li>
      <li>
        {!l
          ? 'Lead time: no signed strategy contract to measure from.'
          : l.firstLaunch
            ? `Lead time: ${l.days} days from the contract's sign-off (${formatLocalDate(l.signedOn, true)}) to ${l.firstLaunch.title}.`
            : `Lead time: ${l.days} days since the contract's sign-off (${formatLocalDate(l.signedOn, true)}), nothing launched yet.`}
      </li>
    </ul>
  );
}

/**
 * The velocity framework's controls on a pod's page (issue 15): its area's quality figures, what it ships and
 * its trade-off menu. The product org's only: the figures come from customers' tickets and internal plans.
 */
export function PodControls({ podId, areaId }: { podId: string; areaId: string | null }) {
  const data = useLoad(['pods', podId, 'controls'], async (signal) => {
    const [quality, velocity] = await Promise.all([
      areaId ? qualityApi.area(areaId, signal) : Promise.resolve(null),
      velocityApi.pods(WEEKS, signal),
    ]);
    return { quality, velocity: velocity.pods.find((p) => p.pod.id === podId) ?? null };
  });
  return (
    <>
      <section aria-labelledby="controls-heading" className="panel">
        <h2 id="controls-heading">Quality and velocity</h2>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
        {!data.data ? (
          data.error ? null : (
            <Loading what="the pod's controls" />
          )
        ) : (
          <>
            {data.data.quality ? (
              <Quality q={data.data.quality} />
            ) : (
              <p className="empty">No area: the quality controls are per area.</p>
            )}
            {data.data.velocity ? <Velocity v={data.data.velocity} /> : null}
          </>
        )}
      </section>
      <MenuPanel podId={podId} />
    </>
  );
}
