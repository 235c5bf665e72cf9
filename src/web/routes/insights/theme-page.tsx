import { Link, useParams, useSearchParams } from 'react-router';
import { addWeeks, isoWeekKey } from '../../../shared/calendar.ts';
import type { TThemeDetail } from '../../../shared/insights.ts';
import type { TArea } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { insightsApi } from '../../api-insights.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { type Column, StackedBarChart } from '../../components/stacked-bar-chart.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { LinkedRoadmap } from '../roadmap/linked-roadmap.tsx';
import { InsightsTabs } from './insights-tabs.tsx';
import { shortLabel, type Taxonomy } from './labels.ts';
import { QuoteBlock } from './quote-block.tsx';
import { ThemeEvidence } from './theme-card.tsx';
import { daysFrom, WindowPicker } from './window-picker.tsx';
import './insights.css';

/** One column per ISO week of the window, empty weeks included (a quiet week is news too), severities stacked. */
function weeklyColumns(trend: TThemeDetail['trend'], window: TThemeDetail['window']): Column[] {
  const weeks = new Map<string, Record<string, number>>();
  const last = isoWeekKey(window.to);
  for (let w = isoWeekKey(window.from); weeks.size < 60; w = addWeeks(w, 1)) {
    weeks.set(w, {});
    if (w === last) break;
  }
  for (const r of trend) {
    const w = weeks.get(r.week) ?? {};
    w[r.severity] = (w[r.severity] ?? 0) + r.items;
    weeks.set(r.week, w);
  }
  return [...weeks.entries()].map(([week, values]) => ({ key: week, label: week.slice(5), values }));
}

/** One theme: its evidence, the weekly trend by severity, and the quotes a PM weighs. */
export function ThemePage() {
  const { theme = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const days = daysFrom(params, 90);
  const base = useLoad<{ tax: Taxonomy; areas: TArea[] }>(['insights', 'base'], async (signal) => {
    const [{ settings }, areas] = await Promise.all([api.settings.get(signal), api.areas.all(signal)]);
    return { tax: settings.insights, areas };
  });
  const detail = useLoad(['insights', 'themes', theme, days], (signal) =>
    insightsApi.theme(theme, days, signal),
  );
  const title = detail.data ? `Theme: ${detail.data.label}` : 'Theme';
  const intro = (
    <p>
      <Link to={`/insights/themes?days=${days}`}>← All themes</Link> ·{' '}
      <Link to={`/insights?theme=${encodeURIComponent(theme)}`}>Open its items in the inbox</Link>
    </p>
  );
  if (!base.data || !detail.data) {
    const error = base.error ?? detail.error;
    return (
      <Page title={title} intro={intro}>
        {error ? <LoadError error={error} retry={detail.reload} /> : <Loading what="the theme" />}
      </Page>
    );
  }
  const { tax, areas } = base.data;
  const d = detail.data;
  const series = tax.severities.map((s, i) => ({
    key: s.key,
    label: shortLabel(s.label),
    className: `sev-${i}`,
  }));
  return (
    <Page title={title} intro={intro}>
      <InsightsTabs />
      <WindowPicker days={days} onChange={(n) => setParams({ days: String(n) }, { replace: true })} />
      <p className="summary-line">
        {formatLocalDate(d.window.from, true)} – {formatLocalDate(d.window.to, true)}
      </p>
      <section aria-labelledby="evidence-heading" aria-busy={detail.loading}>
        <h2 id="evidence-heading">Evidence</h2>
        {d.summary ? (
          <ThemeEvidence t={d.summary} tax={tax} areas={areas} days={days} withKinds />
        ) : (
          <p className="empty">No items about this theme in the window.</p>
        )}
      </section>
      <LinkedRoadmap link={{ theme }} />
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Weekly trend</h2>
        <StackedBarChart
          title={`${d.label}: items per week by severity`}
          columns={weeklyColumns(d.trend, d.window)}
          series={series}
        />
      </section>
      <section aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">Quotes</h2>
        {d.quotes.length === 0 ? (
          <p className="empty">No quotes in the window.</p>
        ) : (
          <ul className="plain quote-list">
            {d.quotes.map((q) => (
              <li key={q.id}>
                <QuoteBlock quote={q} tax={tax} />
                <Link to={`/insights/${q.id}`} className="cell-note">
                  Open the item<span className="visually-hidden">: {q.title || q.body.slice(0, 40)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
