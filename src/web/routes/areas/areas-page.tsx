import { useState } from 'react';
import { Link } from 'react-router';
import type { TArea, TPerson } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { formatNumber } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { AreaForm } from './area-form.tsx';

export function AreasPage() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const data = useLoad<{ areas: TArea[]; people: TPerson[] }>('areas', async (signal) => {
    const [areas, people] = await Promise.all([
      api.areas.all(signal),
      me.can.createArea ? api.people.all(signal) : Promise.resolve([]),
    ]);
    return { areas, people };
  });

  return (
    <Page
      title="Areas"
      intro={
        <p>Product areas, who owns them, and their active users (the base for per-1,000-user metrics).</p>
      }
    >
      {me.can.createArea && data.data ? (
        <CreatePanel label="Add area" open={adding} onOpenChange={setAdding}>
          <h2>Add area</h2>
          <AreaForm
            me={me}
            people={data.data.people}
            onCancel={() => setAdding(false)}
            onSaved={(a) => {
              setAdding(false);
              setStatus(`Added ${a.name}.`);
              data.reload();
            }}
          />
        </CreatePanel>
      ) : null}
      <LiveStatus>{status}</LiveStatus>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="areas" />
        )
      ) : data.data.areas.length === 0 ? (
        <p className="empty">No product areas yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Product areas</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Owner PM</th>
                <th scope="col">Eng lead</th>
                <th scope="col" className="num">
                  Active users
                </th>
              </tr>
            </thead>
            <tbody>
              {data.data.areas.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/areas/${a.id}`}>{a.name}</Link>
                    {a.ownerPmId === me.id ? <span className="badge">yours</span> : null}
                    {a.description ? <span className="cell-note">{a.description}</span> : null}
                  </th>
                  <td>{a.ownerPmName ?? <span className="muted">no owner</span>}</td>
                  <td>{a.engLeadName ?? <span className="muted">none</span>}</td>
                  <td className="num">{formatNumber(a.activeUsers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
