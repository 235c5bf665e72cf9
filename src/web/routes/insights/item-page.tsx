import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { TInsightItem, TInsightPatch } from '../../../shared/insights.ts';
import type { TArea } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { insightsApi } from '../../api-insights.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { problemFrom } from '../../lib/forms.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { excerpt, TagChips } from './insight-row.tsx';
import { labelIn, type Taxonomy, triagesInsights } from './labels.ts';
import { TagPanel } from './tag-panel.tsx';
import { applyPatch } from './use-inbox.ts';
import './insights.css';

interface Loaded {
  item: TInsightItem;
  tax: Taxonomy;
  timeZone: string;
  areas: TArea[];
}

/** One feedback item in full, with its tags to correct and a link to its near-duplicates. */
export function InsightItemPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const themeRef = useRef<HTMLSelectElement>(null);
  const areaRef = useRef<HTMLSelectElement>(null);
  const data = useLoad<Loaded>(['insights', 'items', id], async (signal) => {
    const [item, { settings }, areas] = await Promise.all([
      insightsApi.get(Number(id), signal),
      api.settings.get(signal),
      api.areas.all(signal),
    ]);
    return { item, tax: settings.insights, timeZone: settings.timeZone, areas };
  });
  // Back to the inbox as it was (filters, selection) when that is where we came from.
  const back = (
    <p>
      <Link
        to="/insights"
        onClick={(e) => {
          if (location.key === 'default') return;
          e.preventDefault();
          navigate(-1);
        }}
      >
        ← Back to the inbox
      </Link>
    </p>
  );
  if (!data.data) {
    return (
      <Page title="Feedback item" intro={back}>
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="the item" />}
      </Page>
    );
  }
  const { item, tax, timeZone, areas } = data.data;
  const correct = async (patch: TInsightPatch) => {
    const before = data.data!;
    const areaName = (a: string | null) => areas.find((x) => x.id === a)?.name ?? null;
    data.setData({ ...before, item: applyPatch(item, patch, areaName) });
    try {
      const { item: saved, applied } = await insightsApi.correct(item.id, patch);
      data.setData({ ...before, item: saved });
      setStatus({ text: `Saved${applied > 1 ? ` (also ${applied - 1} similar)` : ''}.`, error: false });
    } catch (err) {
      data.setData(before);
      setStatus({ text: `Not saved: ${problemFrom(err).message}`, error: true });
    }
  };
  const details: [string, string | null][] = [
    ['Source', labelIn(tax.sources, item.source)],
    ['External id', item.externalId],
    ['Received', formatDateTimeIn(item.occurredAt, timeZone)],
    ['Customer', item.customer],
    ['Segment', item.segment ? labelIn(tax.segments, item.segment) : null],
    ['Evidence type', item.evidenceType ? labelIn(tax.evidenceTypes, item.evidenceType) : null],
  ];
  return (
    <Page title={item.title || excerpt(item.body, 80)} intro={back}>
      <div className="triage">
        <article className="insight-detail" aria-label="Feedback">
          <TagChips item={item} tax={tax} />
          {item.body ? <p className="prose">{item.body}</p> : null}
          <dl className="details">
            {details
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} className="details-row">
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          {item.groupId !== null ? (
            <p>
              <Link to={`/insights?group=${item.groupId}`}>Show this item with its near-duplicates</Link>
            </p>
          ) : null}
        </article>
        <aside className="triage-side" aria-label="Triage">
          {triagesInsights(me) ? (
            <TagPanel
              item={item}
              tax={tax}
              areas={areas}
              themeRef={themeRef}
              areaRef={areaRef}
              onCorrect={(p) => void correct(p)}
              onDone={() => undefined}
            />
          ) : null}
          <p className={status?.error ? 'field-error' : 'live-status'} role="status" aria-live="polite">
            {status?.text ?? ''}
          </p>
        </aside>
      </div>
    </Page>
  );
}
