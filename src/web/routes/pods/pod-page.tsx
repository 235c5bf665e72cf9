import { Link, useNavigate, useParams } from 'react-router';
import type { TArea, TPerson, TPod } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { ContractSection } from './contract-section.tsx';
import { PodControls } from './pod-controls.tsx';
import { PodForm } from './pod-form.tsx';
import { PodMembers, PodWarnings, RotationNow } from './pod-summary.tsx';
import './pods.css';
import '../velocity/velocity.css';

interface Loaded {
  pod: TPod;
  areas: TArea[];
  people: TPerson[];
}

function PodDetails({ pod, timeZone }: { pod: TPod; timeZone: string | null }) {
  return (
    <>
      <dl className="details">
        <dt>Slug</dt>
        <dd>
          <code>{pod.slug}</code>
        </dd>
        <dt>Area</dt>
        <dd>{pod.areaId ? <Link to={`/areas/${pod.areaId}`}>{pod.areaName}</Link> : 'none'}</dd>
        <dt>Slack channel</dt>
        <dd>{pod.slackChannel ?? 'none'}</dd>
        {pod.mission ? (
          <>
            <dt>Mission</dt>
            <dd className="prose">{pod.mission}</dd>
          </>
        ) : null}
      </dl>
      <h2>Members</h2>
      <PodMembers pod={pod} />
      <RotationNow pod={pod} timeZone={timeZone} />
    </>
  );
}

export function PodPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const timeZone = useOrgTimeZone();
  const data = useLoad<Loaded>(['pods', id], async (signal) => {
    const pod = await api.pods.get(id, signal);
    if (!pod.permissions.update) return { pod, areas: [], people: [] };
    const [areas, people] = await Promise.all([api.areas.all(signal), api.people.all(signal)]);
    return { pod, areas, people };
  });

  if (!data.data) {
    return (
      <Page title="Pod">
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="pod" />}
        <p>
          <Link to="/pods">Back to pods</Link>
        </p>
      </Page>
    );
  }
  const { pod, areas, people } = data.data;
  return (
    <Page title={pod.name} intro={<Link to="/pods">← All pods</Link>}>
      <PodWarnings pod={pod} />
      <ContractSection podId={pod.id} />
      {pod.permissions.update ? (
        <section aria-labelledby="edit-pod">
          <h2 id="edit-pod">Edit</h2>
          <PodForm
            key={pod.id}
            areas={areas}
            people={people}
            pod={pod}
            onSaved={(updated) => data.setData({ pod: updated, areas, people })}
          />
        </section>
      ) : (
        <PodDetails pod={pod} timeZone={timeZone} />
      )}
      {me.can.readVelocity ? <PodControls podId={pod.id} areaId={pod.areaId} /> : null}
      {pod.permissions.delete ? (
        <section aria-labelledby="delete-pod" className="danger-zone">
          <h2 id="delete-pod">Delete</h2>
          <p>Deleting {pod.name} removes its memberships and rotation; the audit log keeps a record of it.</p>
          <DeleteButton
            what={pod.name}
            onDelete={async () => {
              await api.pods.remove(pod.id);
              navigate('/pods', { replace: true });
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
