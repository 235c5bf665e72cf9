import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api-client.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { FUNCTION_LABELS, rolesText } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { usePaged } from '../../lib/use-paged.ts';
import { PersonForm } from './person-form.tsx';

/** Search box that updates ?q= after a short pause, so the list follows without one request per key. */
function SearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(q);
  const searchRef = useRef(onSearch);
  searchRef.current = onSearch;
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => searchRef.current(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text, q]);
  return (
    <search className="search-box">
      <label className="filter-label" htmlFor="people-search">
        Search people
      </label>
      <input
        id="people-search"
        type="search"
        value={text}
        placeholder="Name or email"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSearch(text.trim());
        }}
      />
    </search>
  );
}

export function PeoplePage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const list = usePaged(['people', 'list', q], (cursor, signal) =>
    api.people.list({ q, limit: 50, cursor }, signal),
  );
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');

  const onSearch = (next: string) => setParams(next ? { q: next } : {}, { replace: true });

  return (
    <Page
      title="People"
      intro={<p>Everyone in the product org: what they do and what they may do in prodops.</p>}
    >
      {me.can.createPerson ? (
        <CreatePanel label="Add person" open={adding} onOpenChange={setAdding}>
          <h2>Add person</h2>
          <PersonForm
            me={me}
            onCancel={() => setAdding(false)}
            onSaved={(p) => {
              setAdding(false);
              setStatus(`Added ${p.name}.`);
            }}
          />
        </CreatePanel>
      ) : null}
      <LiveStatus>{status}</LiveStatus>
      <SearchBox q={q} onSearch={onSearch} />
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.items ? (
        list.error ? null : (
          <Loading what="people" />
        )
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {list.loading
              ? 'Searching…'
              : `${list.items.length}${list.hasMore ? '+' : ''} ${list.items.length === 1 ? 'person' : 'people'}${q ? ` matching “${q}”` : ''}`}
          </p>
          {list.items.length === 0 ? (
            <p className="empty">{q ? 'Nobody matches this search.' : 'No people yet.'}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">People</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Function</th>
                    <th scope="col">Roles</th>
                    <th scope="col">Slack id</th>
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((p) => (
                    <tr key={p.id} className={p.active ? undefined : 'inactive'}>
                      <th scope="row">
                        <Link to={`/people/${p.id}`}>{p.name}</Link>
                        {p.active ? null : <span className="badge muted">inactive</span>}
                      </th>
                      <td>{p.email}</td>
                      <td>{FUNCTION_LABELS[p.function]}</td>
                      <td>{rolesText(p.roles)}</td>
                      <td>{p.slackId ?? <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
