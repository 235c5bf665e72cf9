import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TArea, TMe, TPerson } from '../../../shared/org.ts';
import { RELEASE_STATUSES } from '../../../shared/releases.ts';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import type { TSettings } from '../../../shared/settings.ts';
import { api } from '../../api-client.ts';
import { type ReleaseFilter, releasesApi } from '../../api-releases.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { roadmapApi } from '../roadmap/roadmap-api.ts';
import { CoveragePanel } from './coverage-panel.tsx';
import { NewReleaseForm } from './new-release-form.tsx';
import { ReleaseFilters, ReleasesTable } from './releases-table.tsx';
import './releases.css';

interface Base {
  settings: TSettings;
  areas: TArea[];
  people: TPerson[];
  /** The items a new release may ship (only loaded for those who create releases). */
  items: TRoadmapItem[];
}

/** PMs create releases for their areas; Product Ops and up for any (the API's release policy). */
export const canCreateRelease = (me: TMe) =>
  me.roles.some((r) => r === 'pm' || r === 'product_ops' || r === 'head_of_product' || r === 'admin');

function filterFrom(params: URLSearchParams): ReleaseFilter {
  const status = params.get('status') ?? '';
  const tier = params.get('tier') ?? '';
  return {
    areaId: params.get('area') ?? '',
    status: (RELEASE_STATUSES as readonly string[]).includes(status)
      ? (status as ReleaseFilter['status'])
      : '',
    tier: ['1', '2', '3'].includes(tier) ? tier : '',
  };
}

/** C5: every release with its tier, bundle and lead time; new releases; the enablement coverage metric. */
export function ReleasesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const canCreate = canCreateRelease(me);
  const [adding, setAdding] = useState(false);
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const base = useLoad<Base>(['releases', 'base'], async (signal) => {
    const [{ settings }, areas, people, items] = await Promise.all([
      api.settings.get(signal),
      api.areas.all(signal),
      canCreate ? api.people.all(signal) : Promise.resolve([]),
      canCreate ? roadmapApi.items(signal) : Promise.resolve([]),
    ]);
    return { settings, areas, people, items };
  });
  const list = useLoad(['releases', 'list', filter.areaId, filter.status, filter.tier], (signal) =>
    releasesApi.list(filter, signal),
  );
  const setFilter = (f: ReleaseFilter) => {
    const next = new URLSearchParams();
    if (f.areaId) next.set('area', f.areaId);
    if (f.status) next.set('status', f.status);
    if (f.tier) next.set('tier', f.tier);
    setParams(next, { replace: true });
  };
  const today = base.data ? todayIn(base.data.settings.timeZone, systemClock.now()) : null;

  return (
    <Page
      title="Releases"
      intro={
        <p>
          Every launch with its tier, enablement bundle and readiness, so no release surprises Support or
          Sales. <Link to="/releases/calendar">Open the launch calendar</Link>.
        </p>
      }
    >
      {canCreate && base.data ? (
        <CreatePanel label="New release" open={adding} onOpenChange={setAdding}>
          <h2>New release</h2>
          <NewReleaseForm
            me={me}
            areas={base.data.areas}
            people={base.data.people}
            items={base.data.items}
            onCancel={() => setAdding(false)}
            onSaved={(r) => navigate(`/releases/${r.id}`)}
          />
        </CreatePanel>
      ) : null}
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!base.data || !today ? (
        base.error ? null : (
          <Loading what="releases" />
        )
      ) : (
        <>
          <section aria-labelledby="releases-heading">
            <div className="section-header">
              <h2 id="releases-heading">All releases</h2>
            </div>
            <ReleaseFilters filter={filter} areas={base.data.areas} onChange={setFilter} />
            {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
            {list.data ? (
              <div aria-busy={list.loading}>
                <ReleasesTable items={list.data} today={today} />
              </div>
            ) : list.error ? null : (
              <Loading what="the list" />
            )}
          </section>
          <CoveragePanel />
        </>
      )}
    </Page>
  );
}
