import { useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TArea } from '../../../shared/org.ts';
import type { TRoadmapChange, TRoadmapItem } from '../../../shared/roadmap.ts';
import { api } from '../../api-client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { type ChangeGroup, groupChanges } from '../../lib/roadmap-items.ts';
import { CHANGE_KINDS_SHOWN, changeCounts, changeHeadline } from '../../lib/roadmap-labels.ts';
import { useLoad } from '../../lib/use-load.ts';
import { roadmapApi } from './roadmap-api.ts';
import { PendingBadge } from './roadmap-badges.tsx';
import { RoadmapTabs } from './roadmap-tabs.tsx';
import './roadmap.css';

const isDate = (s: string | null): s is string => s !== null && /^\d{4}-\d{2}-\d{2}$/.test(s);

function SincePicker({ since, onChange }: { since: string; onChange: (since: string) => void }) {
  const [date, setDate] = useState(isDate(since) ? since : '');
  const [byDate, setByDate] = useState(since !== 'last-review');
  const dateInput = useRef<HTMLInputElement>(null);
  return (
    <fieldset className="filters since-picker">
      <legend className="filter-label">What changed since</legend>
      <span className="radio">
        <input
          type="radio"
          id="since-last-review"
          name="since"
          checked={!byDate}
          onChange={() => {
            setByDate(false);
            onChange('last-review');
          }}
        />
        <label htmlFor="since-last-review">The last review</label>
      </span>
      <span className="radio">
        <input
          type="radio"
          id="since-a-date"
          name="since"
          checked={byDate}
          onChange={() => {
            setByDate(true);
            if (isDate(date)) onChange(date);
            else dateInput.current?.focus();
          }}
        />
        <label htmlFor="since-a-date">A date</label>
      </span>
      <span className="filter">
        <label htmlFor="since-date" className="visually-hidden">
          Since date
        </label>
        <input
          id="since-date"
          ref={dateInput}
          type="date"
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            if (!isDate(e.target.value)) return;
            setByDate(true);
            onChange(e.target.value);
          }}
        />
      </span>
    </fieldset>
  );
}

function FromTo({ c, areaName }: { c: TRoadmapChange; areaName: (id: string) => string }) {
  const show = (v: string | null) => (v !== null && c.kind === 'area' ? areaName(v) : v);
  const [from, to] = [show(c.from), show(c.to)];
  if (from === null && to === null) return null;
  if (from === null) return <span className="roadmap-to">{to}</span>;
  if (to === null)
    return (
      <span>
        was <span className="roadmap-from">{from}</span>
      </span>
    );
  return (
    <>
      <span className="roadmap-from">{from}</span> <span aria-hidden="true">→</span>
      <span className="visually-hidden"> to </span> <span className="roadmap-to">{to}</span>
    </>
  );
}

function ChangeLine({ c, areaName }: { c: TRoadmapChange; areaName: (id: string) => string }) {
  const kind = CHANGE_KINDS_SHOWN[c.kind];
  const dependency = c.kind.startsWith('dependency_');
  return (
    <li className={`change change-${c.kind}`}>
      <span className={`badge no-margin change-kind ${kind.tone}`}>
        <span aria-hidden="true">{kind.symbol} </span>
        {changeHeadline(c)}
      </span>{' '}
      {dependency ? (
        <span className="change-text">
          {c.text}
          {c.otherItemId ? (
            <>
              {' '}
              (<Link to={`/roadmap/items/${c.otherItemId}`}>open it</Link>)
            </>
          ) : null}
        </span>
      ) : (
        <FromTo c={c} areaName={areaName} />
      )}
    </li>
  );
}

function ChangeGroups({
  groups,
  items,
  areas,
}: {
  groups: ChangeGroup[];
  items: TRoadmapItem[];
  areas: TArea[];
}) {
  const current = new Map(items.map((it) => [it.id, it]));
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? 'another area';
  return (
    <>
      {groups.map((g) => (
        <section key={g.areaId} aria-labelledby={`changes-${g.areaId}`} className="change-area">
          <h3 id={`changes-${g.areaId}`}>{g.areaName}</h3>
          {g.items.map((it) => {
            const now = current.get(it.itemId);
            return (
              <article key={it.itemId} className="change-item" aria-labelledby={`change-item-${it.itemId}`}>
                <h4 id={`change-item-${it.itemId}`}>
                  <Link to={`/roadmap/items/${it.itemId}`}>{now?.title ?? it.title}</Link>
                  {now?.pending ? (
                    <>
                      {' '}
                      <PendingBadge />
                    </>
                  ) : null}
                </h4>
                {now ? <p className="muted change-now">Now: {now.rangeText}</p> : null}
                <ul className="change-list-roadmap">
                  {it.changes.map((c) => (
                    <ChangeLine
                      key={`${c.kind}-${c.otherItemId ?? ''}-${c.text}`}
                      c={c}
                      areaName={areaName}
                    />
                  ))}
                </ul>
              </article>
            );
          })}
        </section>
      ))}
    </>
  );
}

/** C4: the diff view: what changed on the roadmap since the last review or a date, by area and item. */
export function RoadmapChangesPage() {
  const [params, setParams] = useSearchParams();
  const requested = params.get('since');
  const since = isDate(requested) ? requested : 'last-review';
  const base = useLoad(['roadmap', 'changes-base'], async (signal) => {
    const [areas, items] = await Promise.all([api.areas.all(signal), roadmapApi.items(signal)]);
    return { areas, items };
  });
  const changes = useLoad(['roadmap', 'changes', since], (signal) => roadmapApi.changes(since, signal));
  const error = base.error ?? changes.error;
  return (
    <Page
      title="What changed"
      intro={
        <p>
          Roadmap changes, the Roadmap Review&apos;s first agenda item: added, dropped, moved, slipped, new or
          broken dependencies.
        </p>
      }
    >
      <RoadmapTabs />
      <SincePicker
        since={since}
        onChange={(s) => setParams(s === 'last-review' ? {} : { since: s }, { replace: true })}
      />
      {error ? <LoadError error={error} retry={base.error ? base.reload : changes.reload} /> : null}
      {base.data && changes.data ? (
        <section aria-labelledby="changes-heading" aria-busy={changes.loading}>
          <h2 id="changes-heading">What changed since {changes.data.sinceLabel}</h2>
          {changes.data.changes.length === 0 ? (
            <p className="empty">Nothing changed.</p>
          ) : (
            <>
              <p className="summary-line">{changeCounts(changes.data.changes)}</p>
              <ChangeGroups
                groups={groupChanges(changes.data.changes, base.data.areas)}
                items={base.data.items}
                areas={base.data.areas}
              />
            </>
          )}
        </section>
      ) : error ? null : (
        <Loading what="the changes" />
      )}
    </Page>
  );
}
