import { Link } from 'react-router';
import type { TAreaQualityDetail } from '../../../shared/quality.ts';
import { api } from '../../api-client.ts';
import { qualityApi } from '../../api-quality.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { formatLocalDate, formatMonth } from '../../lib/org-time.ts';
import {
  burdenText,
  figureText,
  formatPct,
  orgDate,
  polishBanner,
  polishText,
  ruleText,
  trendBar,
} from '../../lib/quality.ts';
import { useLoad } from '../../lib/use-load.ts';
import { BugBacklog } from './bug-backlog.tsx';

function Headline({ q }: { q: TAreaQualityDetail }) {
  const { current } = q.confusion;
  const value = current.enough && current.pct !== null ? formatPct(current.pct) : 'too few tickets';
  return (
    <>
      <p className="adoption-headline">
        <span className={`adoption-value${current.enough ? (current.above ? ' below' : ' meets') : ''}`}>
          {value}
        </span>{' '}
        <span className="muted">threshold {formatPct(q.rule.thresholdPct)}</span>
      </p>
      <p>{figureText(current, q.rule)}.</p>
    </>
  );
}

function PolishNotice({ q, timeZone }: { q: TAreaQualityDetail; timeZone: string }) {
  const p = q.confusion.polishMode;
  if (!p) return null;
  return (
    <div className="notice warn" role="note" aria-label="Polish Mode">
      <p>
        <span className="badge warn no-margin">Polish Mode</span> {polishText(p, q.rule, timeZone)}.
      </p>
      <p>{polishBanner(q.area.name)}.</p>
    </div>
  );
}

function Tickets({ q, timeZone }: { q: TAreaQualityDetail; timeZone: string }) {
  const { current } = q.confusion;
  if (q.items.length === 0) return <p className="empty">No confused customer in this window.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Confused customers’ tickets behind the figure ({current.confused}
          {q.items.length < current.confused ? `, the latest ${q.items.length} shown` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Customer</th>
            <th scope="col">Date ({timeZone})</th>
          </tr>
        </thead>
        <tbody>
          {q.items.map((it) => (
            <tr key={it.id}>
              <th scope="row">
                <Link to={`/insights/${it.id}`}>{it.title}</Link>
                <span className="cell-note">from {it.source}</span>
              </th>
              <td>{it.customer ?? <span className="muted">not named</span>}</td>
              <td>{orgDate(it.occurredAt, timeZone)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Issue 15: the area's confused-customer figure, its weekly trend, Polish Mode and the tickets behind it, its
 * operational burden and its bug backlog (bug-backlog.tsx). The product org's only: the tickets name customers
 * (the caller renders it for them alone).
 */
export function QualityPanel({ areaId }: { areaId: string }) {
  const data = useLoad(['areas', areaId, 'quality-panel'], async (signal) => {
    const [quality, { settings }] = await Promise.all([
      qualityApi.area(areaId, signal),
      api.settings.get(signal),
    ]);
    return { quality, timeZone: settings.timeZone };
  });
  return (
    <section aria-labelledby="quality-heading" className="panel adoption">
      <h2 id="quality-heading">Quality</h2>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="the confused-customer figure" />
        )
      ) : (
        <QualityBody q={data.data.quality} timeZone={data.data.timeZone} />
      )}
      <BugBacklog areaId={areaId} />
    </section>
  );
}

function QualityBody({ q, timeZone }: { q: TAreaQualityDetail; timeZone: string }) {
  return (
    <>
      <PolishNotice q={q} timeZone={timeZone} />
      <Headline q={q} />
      <p className="muted">{ruleText(q.rule)}</p>
      <BarChart
        title={`Confused customers each week (the ${q.rule.windowDays}-day figure)`}
        valueHeading="Confused customers"
        target={q.rule.thresholdPct}
        targetLabel="Threshold"
        higherIsWorse
        noneText="too few tickets"
        bars={q.confusion.trend.map(trendBar)}
      />
      <Tickets q={q} timeZone={timeZone} />
      <Burden q={q} />
    </>
  );
}

/** Operational burden: the current figure, each month's (with that month's users) and around each launch. */
function Burden({ q }: { q: TAreaQualityDetail }) {
  const b = q.burden;
  return (
    <>
      <h3>Operational burden</h3>
      {b.current.above ? (
        <div className="notice warn" role="note" aria-label="Operational burden above its threshold">
          <p>Above its threshold: new Tier 2/3 features of {q.area.name} wait at the release gate.</p>
        </div>
      ) : null}
      <p>{burdenText(b.current, q.rule)}.</p>
      <div className="table-wrap">
        <table>
          <caption>Support tickets per 1,000 active users, month by month</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Tickets</th>
              <th scope="col">Active users</th>
              <th scope="col">Per 1,000 users</th>
            </tr>
          </thead>
          <tbody>
            {b.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthName(m.month)}</th>
                <td className="num">{m.tickets}</td>
                <td className="num">{m.users === null ? 'not recorded' : m.users.toLocaleString('en-US')}</td>
                <td className="num">{m.per1k ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {b.launches.length ? (
        <div className="table-wrap">
          <table>
            <caption>Support tickets in the 14 days before and after each launch</caption>
            <thead>
              <tr>
                <th scope="col">Launch</th>
                <th scope="col">Launched</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {b.launches.map((l) => (
                <tr key={l.releaseId}>
                  <th scope="row">
                    <Link to={`/releases/${l.releaseId}`}>{l.title}</Link>
                  </th>
                  <td>{formatLocalDate(l.launchedOn, true)}</td>
                  <td className="num">{l.before}</td>
                  <td className="num">{l.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

/** "November 2026" from "2026-11". */
const monthName = (month: string) => formatMonth(`${month}-01`);
