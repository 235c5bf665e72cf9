import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TArea } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import type { InsightFilter } from '../../api-insights.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { FeedbackForm } from './feedback-form.tsx';
import { InboxFilters } from './inbox-filters.tsx';
import { InboxList } from './inbox-list.tsx';
import { InsightsTabs } from './insights-tabs.tsx';
import { type Taxonomy, triagesInsights } from './labels.ts';
import './insights.css';

/** URL parameter ↔ filter field: a filtered inbox can be shared as a link. */
const PARAMS = {
  kind: 'kind',
  theme: 'theme',
  severity: 'severity',
  area: 'areaId',
  source: 'source',
  group: 'groupId',
  q: 'q',
} as const;

function filterFrom(params: URLSearchParams): InsightFilter {
  const f: InsightFilter = {};
  for (const [param, field] of Object.entries(PARAMS)) {
    const v = params.get(param);
    if (v) f[field] = v;
  }
  if (params.get('unreviewed') === '1') f.reviewed = 'false';
  return f;
}

function paramsFrom(f: InsightFilter, selected: string | null): URLSearchParams {
  const next = new URLSearchParams();
  for (const [param, field] of Object.entries(PARAMS)) {
    const v = f[field];
    if (v) next.set(param, v);
  }
  if (f.reviewed === 'false') next.set('unreviewed', '1');
  if (selected) next.set('sel', selected);
  return next;
}

/** C6: the triage inbox: every feedback item with its tags, fast keyboard triage, and the feedback form. */
export function InsightsInboxPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(0);
  const filter = filterFrom(params);
  const selectedParam = Number(params.get('sel')) || null;
  const base = useLoad<{ tax: Taxonomy; areas: TArea[] }>(['insights', 'base'], async (signal) => {
    const [{ settings }, areas] = await Promise.all([api.settings.get(signal), api.areas.all(signal)]);
    return { tax: settings.insights, areas };
  });
  const paramsRef = useRef(params);
  paramsRef.current = params;
  const setFilter = (f: InsightFilter) => setParams(paramsFrom(f, null), { replace: true });
  const select = (id: number) => {
    const current = paramsRef.current;
    if (current.get('sel') === String(id)) return;
    const next = new URLSearchParams(current);
    next.set('sel', String(id));
    setParams(next, { replace: true });
  };

  return (
    <Page
      title="Insights"
      intro={
        <p>
          Customer feedback from every source, tagged by kind, theme, severity and area. Correct a tag and the
          tagger learns from it; confirmed items count as reviewed.
        </p>
      }
    >
      <InsightsTabs />
      {base.data ? (
        <CreatePanel label="Send feedback" open={sending} onOpenChange={setSending}>
          <h2>Send feedback</h2>
          <FeedbackForm tax={base.data.tax} onSent={() => setSent((n) => n + 1)} />
        </CreatePanel>
      ) : null}
      {base.error ? <LoadError error={base.error} retry={base.reload} /> : null}
      {base.data ? (
        <>
          <InboxFilters filter={filter} tax={base.data.tax} areas={base.data.areas} onChange={setFilter} />
          <InboxList
            key={sent}
            filter={filter}
            tax={base.data.tax}
            areas={base.data.areas}
            canEdit={triagesInsights(me)}
            selectedId={selectedParam}
            onSelect={select}
            onOpen={(id) => navigate(`/insights/${id}`)}
          />
        </>
      ) : base.error ? null : (
        <Loading what="the inbox" />
      )}
    </Page>
  );
}
