import { Link, useNavigate, useParams } from 'react-router';
import type { TArea, TPerson, TPod } from '../../../shared/org.ts';
import { inProductOrg } from '../../../shared/roles.ts';
import { api } from '../../api-client.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { formatNumber } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { AreaForm } from './area-form.tsx';
import { QualityPanel } from './quality-panel.tsx';
import './areas.css';

interface Loaded {
  area: TArea;
  people: TPerson[];
  pods: TPod[];
}

function AreaDetails({ area, pods }: { area: TArea; pods: TPod[] }) {
  const areaPods = pods.filter((p) => p.areaId === area.id);
  return (
    <dl className="details">
      <dt>Slug</dt>
      <dd>
        <code>{area.slug}</code>
      </dd>
      <dt>Owner PM</dt>
      <dd>
        {area.ownerPmId ? <Link to={`/people/${area.ownerPmId}`}>{area.ownerPmName}</Link> : 'no owner'}
      </dd>
      <dt>Eng lead</dt>
      <dd>{area.engLeadId ? <Link to={`/people/${area.engLeadId}`}>{area.engLeadName}</Link> : 'none'}</dd>
      <dt>Active users</dt>
      <dd>{formatNumber(area.activeUsers)}</dd>
      <dt>Pods</dt>
      <dd>
        {areaPods.length === 0
          ? 'none'
          : areaPods.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ', ' : ''}
                <Link to={`/pods/${p.id}`}>{p.name}</Link>
              </span>
            ))}
      </dd>
      {area.description ? (
        <>
          <dt>Description</dt>
          <dd className="prose">{area.description}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function AreaPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const data = useLoad<Loaded>(['areas', id], async (signal) => {
    const [area, pods] = await Promise.all([api.areas.get(id, signal), api.pods.all(signal)]);
    const people = area.permissions.update ? await api.people.all(signal) : [];
    return { area, people, pods };
  });

  if (!data.data) {
    return (
      <Page title="Area">
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="area" />}
        <p>
          <Link to="/areas">Back to areas</Link>
        </p>
      </Page>
    );
  }
  const { area, people, pods } = data.data;
  return (
    <Page title={area.name} intro={<Link to="/areas">← All areas</Link>}>
      <AreaDetails area={area} pods={pods} />
      {inProductOrg(me.roles) ? <QualityPanel areaId={area.id} /> : null}
      {area.permissions.update ? (
        <section aria-labelledby="edit-area">
          <h2 id="edit-area">Edit</h2>
          <AreaForm
            key={area.id}
            me={me}
            people={people}
            area={area}
            onSaved={(updated) => data.setData({ area: updated, people, pods })}
          />
        </section>
      ) : null}
      {area.permissions.delete ? (
        <section aria-labelledby="delete-area" className="danger-zone">
          <h2 id="delete-area">Delete</h2>
          <p>Deleting {area.name} cannot be undone; the audit log keeps a record of it.</p>
          <DeleteButton
            what={area.name}
            onDelete={async () => {
              await api.areas.remove(area.id);
              navigate('/areas', { replace: true });
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
