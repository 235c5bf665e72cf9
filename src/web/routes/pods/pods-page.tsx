import { useState } from 'react';
import { Link } from 'react-router';
import type { TArea, TPerson, TPod } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { CreatePanel } from '../../components/create-panel.tsx';
import { LiveStatus, LoadError, Loading, Page } from '../../components/page.tsx';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useOrgTimeZone } from '../../lib/use-org-time-zone.ts';
import { PodForm } from './pod-form.tsx';
import { ContractBadge, PodMembers, PodWarnings, RotationNow } from './pod-summary.tsx';
import '../insights/insights.css';
import './pods.css';

interface Loaded {
  pods: TPod[];
  areas: TArea[];
  people: TPerson[];
}

function PodCard({ pod, timeZone }: { pod: TPod; timeZone: string | null }) {
  const headingId = `pod-${pod.id}`;
  return (
    <article
      className={`card pod-card${pod.warnings.length ? ' has-warnings' : ''}`}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>
        <Link to={`/pods/${pod.id}`}>{pod.name}</Link>
      </h2>
      <p className="pod-meta">
        {pod.areaName ? <Link to={`/areas/${pod.areaId}`}>{pod.areaName}</Link> : <span>No area</span>}
        {pod.slackChannel ? <span> · {pod.slackChannel}</span> : null}
      </p>
      {pod.mission ? <p className="pod-mission">{pod.mission}</p> : null}
      <ContractBadge pod={pod} />
      <PodWarnings pod={pod} />
      <PodMembers pod={pod} />
      <RotationNow pod={pod} timeZone={timeZone} />
    </article>
  );
}

export function PodsPage() {
  const me = useMe();
  const timeZone = useOrgTimeZone();
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState('');
  const data = useLoad<Loaded>(['pods', 'list'], async (signal) => {
    const [pods, areas, people] = await Promise.all([
      api.pods.all(signal),
      me.can.createPod ? api.areas.all(signal) : Promise.resolve([]),
      me.can.createPod ? api.people.all(signal) : Promise.resolve([]),
    ]);
    return { pods, areas, people };
  });
  const withWarnings = data.data?.pods.filter((p) => p.warnings.length > 0).length ?? 0;
  const unsigned = data.data?.pods.filter((p) => p.contract && p.contract.state !== 'signed').length ?? 0;

  return (
    <Page
      title="Pods"
      intro={
        <p>
          Pods follow 3-1-1: three engineers, one designer, one PM, each person in one pod only. A weekly
          production-engineering rotation takes the pod's inbound bugs.
        </p>
      }
    >
      {me.can.createPod && data.data ? (
        <CreatePanel label="Add pod" open={adding} onOpenChange={setAdding}>
          <h2>Add pod</h2>
          <PodForm
            areas={data.data.areas}
            people={data.data.people}
            onCancel={() => setAdding(false)}
            onSaved={(p) => {
              setAdding(false);
              setStatus(`Added ${p.name}.`);
            }}
          />
        </CreatePanel>
      ) : null}
      <LiveStatus>{status}</LiveStatus>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!data.data ? (
        data.error ? null : (
          <Loading what="pods" />
        )
      ) : data.data.pods.length === 0 ? (
        <p className="empty">No pods yet.</p>
      ) : (
        <>
          <p className="summary-line">
            {data.data.pods.length} pods
            {withWarnings ? `, ${withWarnings} with warnings` : ', all following 3-1-1'}
            {unsigned ? `; ${unsigned} without a signed strategy contract` : ''}.
          </p>
          <div className="card-grid">
            {data.data.pods.map((pod) => (
              <PodCard key={pod.id} pod={pod} timeZone={timeZone} />
            ))}
          </div>
        </>
      )}
    </Page>
  );
}
