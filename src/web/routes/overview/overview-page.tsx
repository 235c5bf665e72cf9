import { Link } from 'react-router';
import type { TArea, TPerson, TPod } from '../../../shared/org.ts';
import { cadenceApi } from '../../api-cadence.ts';
import { api } from '../../api-client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatNumber, plural } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { AdoptionSummary } from '../cadence/adoption-summary.tsx';
import '../home/home.css';
import './overview.css';
import '../cadence/cadence.css';
import '../pods/pods.css';

interface Loaded {
  people: TPerson[];
  areas: TArea[];
  pods: TPod[];
}

function Counts({ people, areas, pods }: Loaded) {
  const active = people.filter((p) => p.active).length;
  const stats = [
    {
      label: 'People',
      value: active,
      to: '/people',
      note: active === people.length ? null : `${people.length - active} inactive`,
    },
    { label: 'Areas', value: areas.length, to: '/areas', note: null },
    { label: 'Pods', value: pods.length, to: '/pods', note: null },
  ];
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="visually-hidden">
        Org at a glance
      </h2>
      <ul className="stats">
        {stats.map((s) => (
          <li key={s.label} className="stat">
            <Link to={s.to}>
              <span className="stat-value">{formatNumber(s.value)}</span>
              <span className="stat-label">{s.label}</span>
            </Link>
            {s.note ? <span className="stat-note">{s.note}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PodsNeedingAttention({ pods }: { pods: TPod[] }) {
  const flagged = pods.filter((p) => p.warnings.length > 0);
  return (
    <section aria-labelledby="attention-heading" className="panel">
      <h2 id="attention-heading">Pods with warnings</h2>
      {flagged.length === 0 ? (
        <p className="pod-ok">Every pod follows 3-1-1 and is single-threaded.</p>
      ) : (
        <ul className="attention-list">
          {flagged.map((pod) => (
            <li key={pod.id}>
              <Link to={`/pods/${pod.id}`}>{pod.name}</Link>{' '}
              <span className="muted">({plural(pod.warnings.length, 'warning')})</span>
              <ul className="pod-warnings">
                {pod.warnings.map((w) => (
                  <li key={`${w.code}-${w.message}`}>{w.message}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function YourAreas({
  areas,
  pods,
  meId,
  ownedIds,
}: {
  areas: TArea[];
  pods: TPod[];
  meId: string;
  ownedIds: string[];
}) {
  const mine = areas.filter((a) => a.ownerPmId === meId || ownedIds.includes(a.id));
  return (
    <section aria-labelledby="your-areas-heading" className="panel">
      <h2 id="your-areas-heading">Your areas</h2>
      {mine.length === 0 ? (
        <p className="muted">You do not own a product area yet.</p>
      ) : (
        <ul className="area-list">
          {mine.map((a) => {
            const areaPods = pods.filter((p) => p.areaId === a.id);
            return (
              <li key={a.id}>
                <Link to={`/areas/${a.id}`}>{a.name}</Link>
                <span className="muted">
                  {' '}
                  · {formatNumber(a.activeUsers)} active users · eng lead {a.engLeadName ?? 'none'}
                  {areaPods.length ? ` · ${plural(areaPods.length, 'pod')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function OverviewPage() {
  const me = useMe();
  const data = useLoad<Loaded>(['overview'], async (signal) => {
    const [people, areas, pods] = await Promise.all([
      api.people.all(signal),
      api.areas.all(signal),
      api.pods.all(signal),
    ]);
    return { people, areas, pods };
  });
  // Loaded on its own: the org summary shows even if the cadence is unavailable.
  const adoption = useLoad(['cadence', 'adoption'], (signal) => cadenceApi.adoption({}, signal));
  const isPm = me.roles.includes('pm') || me.ownedAreaIds.length > 0;
  return (
    <Page
      title="Org overview"
      intro={<p>Welcome, {me.name.split(' ')[0]}. Here is the shape of the product org.</p>}
    >
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="the overview" />
        )
      ) : (
        <>
          <Counts {...data.data} />
          <div className="panels">
            {isPm ? (
              <YourAreas
                areas={data.data.areas}
                pods={data.data.pods}
                meId={me.id}
                ownedIds={me.ownedAreaIds}
              />
            ) : null}
            <PodsNeedingAttention pods={data.data.pods} />
          </div>
          {adoption.data ? <AdoptionSummary adoption={adoption.data} /> : null}
          {adoption.error ? <LoadError error={adoption.error} retry={adoption.reload} /> : null}
        </>
      )}
    </Page>
  );
}
