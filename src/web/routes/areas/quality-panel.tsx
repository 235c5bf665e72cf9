import { Link } from 'react-router';
import type { TAreaQualityDetail } from '../../../shared/quality.ts';
import { api } from '../../api-client.ts';
import { qualityApi } from '../../api-quality.ts';
import { BarChart } from '../../components/bar-chart.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import {
  figureText,
  formatPct,
  orgDate,
  polishBanner,
  polishText,
  ruleText,
  trendBar,
} from '../../lib/quality.ts';
import { useLoad } from '../../lib/use-load.ts';

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
 * Issue 15: the area's confused-customer figure, its weekly trend, Polish Mode and the tickets behind it. The
 * product org's only: the tickets name customers (the caller renders it for them alone).
 */
export function QualityPanel({ areaId }: { areaId: string }) {
  const data = useLoad(`area-quality:${areaId}`, async (signal) => {
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
    </>
  );
}
