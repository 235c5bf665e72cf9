import { useState } from 'react';
import { Link } from 'react-router';
import { addMonths, todayIn } from '../../../shared/calendar.ts';
import { systemClock } from '../../../shared/clock.ts';
import { insightsApi } from '../../api-insights.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatDateTimeIn, formatMonth } from '../../lib/org-time.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { InsightsTabs } from './insights-tabs.tsx';
import { managesInsights } from './labels.ts';
import { PublishDigestButton } from './publish-digest.tsx';
import { useInsightsBase } from './use-insights-base.ts';
import './insights.css';

/** C6 reporting: every Monthly Insights Digest (latest version each), and publishing one. */
export function DigestsPage() {
  const me = useMe();
  const base = useInsightsBase();
  const list = useLoad(['insights', 'digests'], (signal) => insightsApi.digests(signal));
  const today = base.data ? todayIn(base.data.timeZone, systemClock.now()) : null;
  // This month so far, or last month (what the 1st-of-the-month job publishes).
  const months = today ? [today.slice(0, 7), addMonths(today, -1).slice(0, 7)] : [];
  const [month, setMonth] = useState<string | null>(null);
  const chosen = month ?? months[0] ?? null;
  return (
    <Page
      title="Monthly Insights Digests"
      intro={
        <p>
          The top themes of each month with evidence, owner and decision path: what the Monthly Insights
          Review reads. Published on the 1st for the month before; Product Ops can publish one at any time.
        </p>
      }
    >
      <InsightsTabs />
      {managesInsights(me) && chosen ? (
        <div className="inline-fields publish-digest">
          <div className="field inline-field">
            <label htmlFor="digest-month" className="field-label">
              Month
            </label>
            <select id="digest-month" value={chosen} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {formatMonth(`${m}-01`)}
                </option>
              ))}
            </select>
          </div>
          <PublishDigestButton
            month={chosen}
            again={list.data?.items.some((d) => d.month === chosen) ?? false}
          />
        </div>
      ) : null}
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {!list.data || !base.data ? (
        list.error || base.error ? null : (
          <Loading what="digests" />
        )
      ) : list.data.items.length === 0 ? (
        <p className="empty">No digest published yet.</p>
      ) : (
        <ul className="archive" aria-label="Published digests">
          {list.data.items.map((d) => (
            <li key={d.month}>
              <Link to={`/insights/digests/${d.month}`}>{formatMonth(`${d.month}-01`)}</Link>{' '}
              <span className="muted">
                version {d.version}, published {formatDateTimeIn(d.publishedAt, base.data!.timeZone)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
