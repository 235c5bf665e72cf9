import { useState } from 'react';
import { Link } from 'react-router';
import type { TPodVelocity } from '../../../shared/velocity.ts';
import { velocityApi } from '../../api-velocity.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { MenuPanel } from './menu-panel.tsx';
import './velocity.css';

const WEEKS = 12;

function leadTimeText(p: TPodVelocity): string {
  const l = p.leadTime;
  if (!l) return 'No signed strategy contract';
  const signed = `signed ${formatLocalDate(l.signedOn, true)}`;
  if (!l.firstLaunch) return `${l.days} days and counting (${signed}, nothing launched since)`;
  return `${l.days} days (${signed}, first launch ${l.firstLaunch.title})`;
}

/** One row per pod: launches in each of the last weeks (a strip of counts), per week, and lead time. */
function PodRow({ p }: { p: TPodVelocity }) {
  const total = p.weeks.reduce((n, w) => n + w.launches.length, 0);
  return (
    <tr>
      <th scope="row">
        <Link to={`/pods/${p.pod.id}`}>{p.pod.name}</Link>
        <span className="cell-note">{p.pod.areaName ?? 'no area'}</span>
      </th>
      <td className="num">{p.engineers}</td>
      <td>
        <span className="launch-strip" role="img" aria-label={`${total} launches in ${WEEKS} weeks`}>
          {p.weeks.map((w) => (
            <span
              key={w.week}
              className={`launch-week${w.launches.length ? ' some' : ''}`}
              title={`Week of ${formatLocalDate(w.monday, true)}: ${w.launches.map((l) => l.title).join(', ') || 'no launch'}`}
            >
              {w.launches.length}
            </span>
          ))}
        </span>
      </td>
      <td className="num">{p.perWeek}</td>
      <td>{leadTimeText(p)}</td>
    </tr>
  );
}

/** Issue 15: what each pod ships per week, its lead time, and the Head of Product's trade-off menu. */
export function VelocityPage() {
  const data = useLoad(['velocity', 'pods'], (signal) => velocityApi.pods(WEEKS, signal));
  const [podId, setPodId] = useState<string | null>(null);
  const pods = data.data?.pods ?? [];
  const chosen = podId ?? pods[0]?.pod.id ?? null;
  return (
    <Page
      title="Velocity"
      intro={
        <p>
          Velocity is what each pod ships: its area's launches per week over the last {WEEKS} weeks, and the
          days from its strategy contract's sign-off to its first launch. Trade-offs are made from a menu: a
          few items fast, or twice as many slow.
        </p>
      }
    >
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="velocity" />
        )
      ) : pods.length === 0 ? (
        <p className="empty">No pods yet.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption>Launches per pod, week by week (oldest first)</caption>
              <thead>
                <tr>
                  <th scope="col">Pod</th>
                  <th scope="col" className="num">
                    Engineers
                  </th>
                  <th scope="col">Launches each week</th>
                  <th scope="col" className="num">
                    Per week
                  </th>
                  <th scope="col">Lead time</th>
                </tr>
              </thead>
              <tbody>
                {pods.map((p) => (
                  <PodRow key={p.pod.id} p={p} />
                ))}
              </tbody>
            </table>
          </div>
          <label className="field-label" htmlFor="menu-pod">
            Menu for
          </label>{' '}
          <select
            className="inline-select"
            id="menu-pod"
            value={chosen ?? ''}
            onChange={(e) => setPodId(e.target.value)}
          >
            {pods.map((p) => (
              <option key={p.pod.id} value={p.pod.id}>
                {p.pod.name}
              </option>
            ))}
          </select>
          {chosen ? <MenuPanel podId={chosen} /> : null}
        </>
      )}
    </Page>
  );
}
