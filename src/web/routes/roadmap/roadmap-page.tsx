import { useDeferredValue, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { quarterAfter } from '../../../domain/roadmap/quarters.ts';
import { todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { TArea } from '../../../shared/org.ts';
import type { TRoadmapItem } from '../../../shared/roadmap.ts';
import { api } from '../../api-client.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import {
  brokenLinks,
  filterFromParams,
  filterItems,
  lanesFor,
  paramsFromFilter,
  type RoadmapFilter,
} from '../../lib/roadmap-items.ts';
import { linkKey, type Span } from '../../lib/roadmap-timeline.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { canCreateItem, NewItemForm } from './item-form.tsx';
import { BrokenList, ItemsTable } from './items-table.tsx';
import { roadmapApi } from './roadmap-api.ts';
import { RoadmapFilters } from './roadmap-filters.tsx';
import { RoadmapTabs } from './roadmap-tabs.tsx';
import { RoadmapTimeline, TimelineLegend } from './timeline.tsx';
import './roadmap.css';

export interface RoadmapBase {
  areas: TArea[];
  today: string;
  /** From the quarter before the current one to three after it (the org's fiscal quarters). */
  spans: Span[];
  themes: { key: string; label: string }[];
}

/** Settings, areas and the quarter columns. */
export async function loadRoadmapBase(signal: AbortSignal): Promise<RoadmapBase> {
  const [{ settings }, areas] = await Promise.all([api.settings.get(signal), api.areas.all(signal)]);
  const today = todayIn(settings.timeZone, systemClock.now());
  const fy = settings.roadmap.fiscalYearStartMonth;
  const spans = [-1, 0, 1, 2, 3].map((n) => {
    const q = quarterAfter(today, n, fy);
    return { label: q.label, start: q.start, end: q.end };
  });
  const themes = settings.insights.themes.map((t) => ({ key: t.key, label: t.label }));
  return { areas, today, spans, themes };
}

/**
 * The filters live in the URL, but the router applies URL changes in a transition: the controls keep their own
 * state so a checkbox shows its tick at once, and the timeline follows (deferred).
 */
function useFilter() {
  const [params, setParams] = useSearchParams();
  const inUrl = paramsFromFilter(filterFromParams(params)).toString();
  const [filter, setFilter] = useState(() => filterFromParams(params));
  useEffect(() => setFilter(filterFromParams(new URLSearchParams(inUrl))), [inUrl]);
  const change = (f: RoadmapFilter) => {
    setFilter(f);
    setParams(paramsFromFilter(f), { replace: true });
  };
  return { filter, shownFilter: useDeferredValue(filter), change };
}

function Content({ base, items }: { base: RoadmapBase; items: TRoadmapItem[] }) {
  const { filter, shownFilter, change } = useFilter();
  const shown = filterItems(items, shownFilter);
  const shownIds = new Set(shown.map((it) => it.id));
  const broken = brokenLinks(items);
  const brokenKeys = new Set(broken.map((b) => linkKey(b.itemId, b.depId)));
  return (
    <>
      <section aria-labelledby="timeline-heading">
        <div className="section-header">
          <h2 id="timeline-heading">Timeline</h2>
        </div>
        <RoadmapFilters filter={filter} areas={base.areas} onChange={change} />
        <TimelineLegend />
        {shown.length === 0 ? (
          <p className="empty">No item matches.</p>
        ) : (
          <RoadmapTimeline
            items={shown}
            lanes={lanesFor(shown, base.areas)}
            spans={base.spans}
            today={base.today}
            broken={brokenKeys}
          />
        )}
      </section>
      <BrokenList links={broken.filter((b) => shownIds.has(b.itemId))} />
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">Items as a table</h2>
        <ItemsTable items={shown} all={items} broken={brokenKeys} />
      </section>
    </>
  );
}

/** C4: the roadmap as a timeline of ranges by area and quarter, with dependencies; new items. */
export function RoadmapPage() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<TRoadmapItem | null>(null);
  const base = useLoad(['roadmap', 'base'], loadRoadmapBase);
  const items = useLoad(['roadmap', 'items'], (signal) => roadmapApi.items(signal));
  const error = base.error ?? items.error;
  const retry = () => (base.error ? base.reload() : items.reload());
  return (
    <Page
      title="Roadmap"
      intro={
        <p>
          Every item as a range by area and quarter, never a single date. Changes wait for the biweekly
          Roadmap Review: stakeholders see what the Head of Product ratified.
        </p>
      }
    >
      <RoadmapTabs />
      <LiveStatus>
        {added ? (
          <>
            Added <Link to={`/roadmap/items/${added.id}`}>{added.title}</Link>: it waits for the next review.
          </>
        ) : null}
      </LiveStatus>
      {canCreateItem(me) && base.data && items.data ? (
        <CreatePanel label="New item" open={adding} onOpenChange={setAdding}>
          <h2>New roadmap item</h2>
          <NewItemForm
            lists={{ me, areas: base.data.areas, items: items.data, themes: base.data.themes }}
            onCancel={() => setAdding(false)}
            onSaved={(it) => {
              setAdding(false);
              setAdded(it);
            }}
          />
        </CreatePanel>
      ) : null}
      {error ? <LoadError error={error} retry={retry} /> : null}
      {base.data && items.data ? (
        <div aria-busy={items.loading}>
          <Content base={base.data} items={items.data} />
        </div>
      ) : error ? null : (
        <Loading what="the roadmap" />
      )}
    </Page>
  );
}
