import { Link } from 'react-router';
import type { TQuote, TThemeSummary } from '../../../shared/insights.ts';
import type { InsightKind } from '../../../shared/insights-taxonomy.ts';
import type { TArea } from '../../../shared/org.ts';
import { plural } from '../../lib/labels.ts';
import { KIND_LABELS, labelIn, type Taxonomy, trendText } from './labels.ts';
import { QuoteBlock } from './quote-block.tsx';
import { CountList, SeverityMix } from './severity-mix.tsx';

export const areaLabel = (areas: readonly TArea[]) => (id: string) =>
  areas.find((a) => a.id === id)?.name ?? 'Area removed';

/** A theme's evidence: volume and trend, severity mix, segments, area split. */
export function ThemeEvidence({
  t,
  tax,
  areas,
  days,
  withKinds = false,
}: {
  t: TThemeSummary;
  tax: Taxonomy;
  areas: readonly TArea[];
  days: number;
  /** The theme page also shows what kinds of items it holds. */
  withKinds?: boolean;
}) {
  const trendClass = t.trendPct === null ? 'trend-new' : t.trendPct > 0 ? 'trend-up' : 'trend-down';
  return (
    <dl className="theme-evidence">
      <div className="evidence-row">
        <dt>Volume</dt>
        <dd>
          <strong className="theme-volume">{plural(t.volume, 'item')}</strong>{' '}
          <span className={trendClass}>({trendText(t.trendPct, days)})</span>
        </dd>
      </div>
      <div className="evidence-row">
        <dt>Severity</dt>
        <dd>
          <SeverityMix counts={t.severity} tax={tax} />
        </dd>
      </div>
      <div className="evidence-row">
        <dt>Segments</dt>
        <dd>
          <CountList counts={t.segments} labelOf={(k) => labelIn(tax.segments, k)} empty="not known" />
        </dd>
      </div>
      <div className="evidence-row">
        <dt>Areas</dt>
        <dd>
          <CountList counts={t.areas} labelOf={areaLabel(areas)} empty="no area yet" />
        </dd>
      </div>
      {withKinds ? (
        <div className="evidence-row">
          <dt>Kinds</dt>
          <dd>
            <CountList counts={t.kinds} labelOf={(k) => KIND_LABELS[k as InsightKind] ?? k} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** One ranked theme of the window, with its most telling quote. */
export function ThemeCard({
  rank,
  t,
  quote,
  tax,
  areas,
  days,
}: {
  rank: number;
  t: TThemeSummary;
  quote: TQuote | undefined;
  tax: Taxonomy;
  areas: readonly TArea[];
  days: number;
}) {
  const headingId = `theme-${t.theme}`;
  return (
    <li>
      <article className="card theme-card" aria-labelledby={headingId}>
        <h3 id={headingId}>
          <span className="theme-rank">#{rank}</span>{' '}
          <Link to={`/insights/themes/${encodeURIComponent(t.theme)}?days=${days}`}>{t.label}</Link>
        </h3>
        <ThemeEvidence t={t} tax={tax} areas={areas} days={days} />
        {quote ? <QuoteBlock quote={quote} tax={tax} /> : null}
      </article>
    </li>
  );
}
