import { useState } from 'react';
import { Link } from 'react-router';
import type { TArea, TPerson } from '../../../shared/org.ts';
import type { TAreaQualityList } from '../../../shared/quality.ts';
import { inProductOrg } from '../../../shared/roles.ts';
import { api } from '../../api-client.ts';
import { qualityApi } from '../../api-quality.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { formatNumber } from '../../lib/labels.ts';
import { formatPct } from '../../lib/quality.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { AreaForm } from './area-form.tsx';

export function AreasPage() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  // The quality figures are the product org's: stakeholders neither fetch nor see the column.
  const withQuality = inProductOrg(me.roles);
  const data = useLoad<{ areas: TArea[]; people: TPerson[]; quality: TAreaQualityList | null }>(
    ['areas', 'list'],
    async (signal) => {
      const [areas, people, quality] = await Promise.all([
        api.areas.all(signal),
        me.can.createArea ? api.people.all(signal) : Promise.resolve([]),
        withQuality ? qualityApi.areas(signal) : Promise.resolve(null),
      ]);
      return { areas, people, quality };
    },
  );
  const qualityOf = (id: string) => data.data?.quality?.areas.find((q) => q.area.id === id);

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
                {withQuality ? <th scope="col">Quality</th> : null}
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
                  {withQuality ? (
                    <td>
                      <QualityCell quality={qualityOf(a.id)} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

/** The area's confused-customer figure, and a badge when it is in Polish Mode. */
function QualityCell({ quality }: { quality: TAreaQualityList['areas'][number] | undefined }) {
  if (!quality) return <span className="muted">–</span>;
  const { current, polishMode } = quality.confusion;
  return (
    <>
      {polishMode ? <span className="badge warn no-margin">Polish Mode</span> : null}
      <span className="cell-note">
        {current.enough && current.pct !== null
          ? `${formatPct(current.pct)} confused customers (${current.confused} of ${current.tickets} tickets)`
          : `too few tickets to judge (${current.tickets})`}
      </span>
    </>
  );
}
