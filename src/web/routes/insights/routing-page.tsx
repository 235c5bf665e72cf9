import { Link, useParams } from 'react-router';
import type { TRouting } from '../../../shared/insights.ts';
import { insightsApi } from '../../api-insights.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatInstant } from '../../lib/org-time.ts';
import { useMe } from '../../lib/session.tsx';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { AssignForm } from './assign-form.tsx';
import { DispositionForm } from './disposition-form.tsx';
import { InsightsTabs } from './insights-tabs.tsx';
import { labelIn, managesInsights } from './labels.ts';
import { QuoteBlock } from './quote-block.tsx';
import { CrossAreaFlag, DecisionBadge } from './routing-status.tsx';
import { areaLabel, ThemeEvidence } from './theme-card.tsx';
import { personName, useInsightsBase } from './use-insights-base.ts';
import './insights.css';

/**
 * One routed theme (the link in the PM's routing message): its evidence and the PM's decision. The API has no
 * single-routing read, so the page finds it in the list.
 */
export function RoutingPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const who = useActorText();
  const base = useInsightsBase();
  const found = useLoad<TRouting | null>(['insights', 'routings', id], async (signal) => {
    const { items } = await insightsApi.routings({}, signal);
    return items.find((r) => r.id === id) ?? null;
  });
  const intro = (
    <p>
      <Link to="/insights/routings">← Routed themes</Link>
    </p>
  );
  const r = found.data;
  if (!base.data || !r) {
    const error = base.error ?? found.error;
    return (
      <Page title="Routed theme" intro={intro}>
        {error ? (
          <LoadError error={error} retry={found.reload} />
        ) : found.data === null ? (
          <p className="notice error">This routing does not exist.</p>
        ) : (
          <Loading what="the routing" />
        )}
      </Page>
    );
  }
  const { tax, areas, people, timeZone } = base.data;
  const label = r.evidence.label || labelIn(tax.themes, r.theme);
  const owner = personName(people, r.ownerId);
  const mayDecide = managesInsights(me) || (r.ownerId !== null && r.ownerId === me.id);
  return (
    <Page title={`Routed: ${label}`} intro={intro}>
      <InsightsTabs />
      <p className="summary-line">
        #{r.rank} in {r.week} · {r.areaName ?? 'no area'} · owner {owner ?? 'nobody yet'} ·{' '}
        <DecisionBadge routing={r} /> <CrossAreaFlag routing={r} />
      </p>
      {r.needsOwner ? (
        <p className="notice">
          {r.areaName ? `${r.areaName} has no owning PM` : 'This theme is in no product area'}: Product Ops
          was asked to give it an owner, who then decides.
        </p>
      ) : null}
      {r.crossArea.length > 1 ? (
        <p className="notice">
          This theme spans {r.crossArea.map(areaLabel(areas)).join(', ')}: it is on the Biweekly Roadmap
          Review's agenda for the Head of Product.
        </p>
      ) : null}
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">Evidence</h2>
        <ThemeEvidence t={r.evidence} tax={tax} areas={areas} days={7} />
        {r.evidence.quotes.map((q) => (
          <QuoteBlock key={q.id} quote={q} tax={tax} />
        ))}
        <p>
          <Link to={`/insights/themes/${encodeURIComponent(r.theme)}`}>The theme over 90 days</Link>
        </p>
      </section>
      {managesInsights(me) ? (
        <section aria-labelledby="owner-heading">
          <h2 id="owner-heading">Owner</h2>
          <AssignForm routing={r} base={base.data} onSaved={(saved) => found.setData(saved)} />
        </section>
      ) : null}
      <section aria-labelledby="decision-heading">
        <h2 id="decision-heading">Decision</h2>
        {r.decidedAt ? (
          <p>
            <DecisionBadge routing={r} /> by {who(r.decidedBy)}, {formatInstant(r.decidedAt, timeZone)}
            {r.rationale ? <span className="cell-note">{r.rationale}</span> : null}
          </p>
        ) : (
          <p className="muted">No decision yet.</p>
        )}
        {mayDecide ? (
          <DispositionForm routing={r} onSaved={(saved) => found.setData(saved)} />
        ) : (
          <p className="muted">The owning PM or Product Ops decides.</p>
        )}
      </section>
    </Page>
  );
}
