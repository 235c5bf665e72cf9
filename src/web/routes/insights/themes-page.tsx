import { useSearchParams } from 'react-router';
import type { TArea } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { insightsApi } from '../../api-insights.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useLoad } from '../../lib/use-load.ts';
import { InsightsTabs } from './insights-tabs.tsx';
import type { Taxonomy } from './labels.ts';
import { ThemeCard } from './theme-card.tsx';
import { daysFrom, WindowPicker } from './window-picker.tsx';
import './insights.css';

/** C6 triage: the top themes of the last 7, 30 or 90 days, ranked by volume weighted by severity. */
export function ThemesPage() {
  const [params, setParams] = useSearchParams();
  const days = daysFrom(params, 30);
  const base = useLoad<{ tax: Taxonomy; areas: TArea[] }>(['insights', 'base'], async (signal) => {
    const [{ settings }, areas] = await Promise.all([api.settings.get(signal), api.areas.all(signal)]);
    return { tax: settings.insights, areas };
  });
  const top = useLoad(['insights', 'themes', days], (signal) => insightsApi.themes(days, signal));
  return (
    <Page
      title="Top themes"
      intro={
        <p>
          What customers talk about most, weighted by severity (each step up the scale counts double), with
          the trend against the window before.
        </p>
      }
    >
      <InsightsTabs />
      <WindowPicker days={days} onChange={(d) => setParams({ days: String(d) }, { replace: true })} />
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {top.error ? <LoadError error={top.error} retry={top.reload} /> : null}
      {!base.data || !top.data ? (
        base.error || top.error ? null : (
          <Loading what="themes" />
        )
      ) : (
        <section aria-labelledby="themes-heading" aria-busy={top.loading}>
          <h2 id="themes-heading" className="visually-hidden">
            Themes
          </h2>
          <p className="summary-line">
            {formatLocalDate(top.data.window.from, true)} – {formatLocalDate(top.data.window.to, true)}
          </p>
          {top.data.themes.length === 0 ? (
            <p className="empty">No tagged feedback in this window yet.</p>
          ) : (
            <ol className="card-grid theme-list" aria-label="Themes, highest score first">
              {top.data.themes.map((t, i) => (
                <ThemeCard
                  key={t.theme}
                  rank={i + 1}
                  t={t}
                  quote={t.quotes[0]}
                  tax={base.data!.tax}
                  areas={base.data!.areas}
                  days={days}
                />
              ))}
            </ol>
          )}
        </section>
      )}
    </Page>
  );
}
