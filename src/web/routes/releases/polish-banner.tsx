import { Link } from 'react-router';
import type { TMe } from '../../../shared/org.ts';
import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { inProductOrg } from '../../../shared/roles.ts';
import { qualityApi } from '../../api-quality.ts';
import { polishBanner, polishBannerFromGate } from '../../lib/quality.ts';
import { useLoad } from '../../lib/use-load.ts';

function Banner({ text, areaId }: { text: string; areaId: string | null }) {
  return (
    <div className="notice warn" role="note" aria-label="Polish Mode">
      <p>
        {text}. {areaId ? <Link to={`/areas/${areaId}`}>See the area’s confused-customer figure</Link> : null}
      </p>
    </div>
  );
}

/**
 * Issue 15: the release's area is in Polish Mode. The gate says so for the Tier 2/3 features it holds; for
 * another open release of the area (a bug fix, Tier 1) the product org asks the area's quality once.
 */
export function PolishBanner({ detail, me }: { detail: TReleaseDetail; me: TMe }) {
  const r = detail.release;
  const fromGate = polishBannerFromGate(detail.gate, r.areaName);
  const open = r.status !== 'launched' && r.status !== 'rolled_back';
  const ask = !fromGate && open && r.areaId && inProductOrg(me.roles) ? r.areaId : null;
  const quality = useLoad(ask ? ['areas', ask, 'quality'] : null, (signal) =>
    qualityApi.area(ask ?? '', signal),
  );
  if (fromGate) return <Banner text={fromGate} areaId={r.areaId} />;
  const q = quality.data;
  // A failed look-up leaves the page as it was: the gate is the authority, this banner a courtesy.
  if (!ask || !q?.confusion.polishMode) return null;
  return <Banner text={polishBanner(q.area.name)} areaId={ask} />;
}

/** The gate holds the release because its area's operational burden is above the threshold. */
export function BurdenBanner({ detail }: { detail: TReleaseDetail }) {
  const r = detail.release;
  const check = detail.gate.checks.find((c) => c.id === 'operational_burden');
  if (!check || (check.ok && !check.overridden)) return null;
  return (
    <div className="notice warn" role="note" aria-label="Operational burden">
      <p>
        {r.areaName ?? 'The area'} carries more support tickets per active user than its threshold: new
        features wait; bug fixes, copy changes and invisible backend changes still ship.{' '}
        {r.areaId ? <Link to={`/areas/${r.areaId}`}>See the area’s operational burden</Link> : null}
      </p>
    </div>
  );
}
