import { Link, useSearchParams } from 'react-router';
import { api } from '../../api-client.ts';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { keyWords } from '../../lib/labels.ts';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useFormatInstant } from '../../lib/use-org-time-zone.ts';
import { usePaged } from '../../lib/use-paged.ts';
import { ChangeSummary } from './change-summary.tsx';
import './audit.css';

const PAGES: Record<string, string> = { person: '/people', area: '/areas', pod: '/pods' };

/** The record an entry is about, linked when it has a page (it may have been deleted since). */
function RecordLink({ type, id }: { type: string; id: string }) {
  const base = PAGES[type];
  const short = id.length > 12 ? `${id.slice(0, 8)}…` : id;
  return (
    <>
      {keyWords(type)}{' '}
      {base ? (
        <Link to={`${base}/${id}`} className="mono" title={id}>
          {short}
        </Link>
      ) : (
        <span className="mono muted" title={id}>
          {short}
        </span>
      )}
    </>
  );
}

/** Entity types the API writes today; a new capability adds its own. */
const ENTITY_TYPES = [
  { value: 'person', label: 'People' },
  { value: 'area', label: 'Areas' },
  { value: 'pod', label: 'Pods' },
  { value: 'settings', label: 'Settings' },
  { value: 'raci', label: 'RACI' },
  { value: 'api_token', label: 'API tokens' },
] as const;

export function AuditPage() {
  const at = useFormatInstant();
  const who = useActorText();
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  const entityId = params.get('entityId') ?? '';
  const list = usePaged(['audit', entityType, entityId], (cursor, signal) =>
    api.audit(
      { entityType: entityType || undefined, entityId: entityId || undefined, limit: 50, cursor },
      signal,
    ),
  );
  const setFilter = (type: string) => {
    const next = new URLSearchParams();
    if (type) next.set('entityType', type);
    setParams(next, { replace: true });
  };

  return (
    <Page title="Audit log" intro={<p>Every change, newest first: who did it, when, and what changed.</p>}>
      <div className="filters">
        <label className="filter-label" htmlFor="audit-entity-type">
          Entity type
        </label>
        <select id="audit-entity-type" value={entityType} onChange={(e) => setFilter(e.target.value)}>
          <option value="">All</option>
          {ENTITY_TYPES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        {entityId ? (
          <span className="muted">
            One record only ({entityId}).{' '}
            <button type="button" className="link-button" onClick={() => setFilter(entityType)}>
              Show all
            </button>
          </span>
        ) : null}
      </div>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.items ? (
        list.error ? null : (
          <Loading what="the audit log" />
        )
      ) : list.items.length === 0 ? (
        <p className="empty">No entries.</p>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {list.loading ? 'Loading…' : `${list.items.length}${list.hasMore ? '+' : ''} entries`}
          </p>
          <div className="table-wrap">
            <table className="audit">
              <caption className="visually-hidden">Audit log entries</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((e) => (
                  <tr key={e.id}>
                    <td className="when">
                      <time dateTime={e.at}>{at(e.at)}</time>
                    </td>
                    <td>{who(e.actorLabel)}</td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      <RecordLink type={e.entityType} id={e.entityId} />
                    </td>
                    <td>
                      <ChangeSummary change={e.change} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.hasMore ? (
            <button type="button" className="button" onClick={list.loadMore} disabled={list.loadingMore}>
              {list.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : null}
        </>
      )}
    </Page>
  );
}
