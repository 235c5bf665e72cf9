import { useState } from 'react';
import { Link } from 'react-router';
import type { TFriction, TFrictionList } from '../../../shared/charter.ts';
import { cadenceApi } from '../../api-cadence.ts';
import { charterApi } from '../../api-charter.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { FRICTION_CHANGES } from '../../lib/query-keys.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { FrictionForm } from './friction-form.tsx';

const moved = (ids: string[], from: number, to: number) => {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id!);
  return next;
};

function FrictionCard({
  f,
  list,
  index,
  editing,
  onEdit,
}: {
  f: TFriction;
  list: TFrictionList;
  index: number;
  editing: boolean;
  onEdit: () => void;
}) {
  const ids = list.items.map((x) => x.id);
  const can = list.permissions.update;
  const write = useWrite(FRICTION_CHANGES);
  const written = (act: () => Promise<unknown>) => async () => {
    await write(act);
  };
  return (
    <section className="card" aria-label={f.rank ? `${f.rank}. ${f.title}` : f.title}>
      <h2>{f.rank ? `${f.rank}. ${f.title}` : f.title}</h2>
      {f.description ? <p>{f.description}</p> : null}
      <dl>
        <dt>Evidence</dt>
        <dd>{f.evidence || 'None written yet.'}</dd>
        {f.evidenceLinks.length ? (
          <>
            <dt>Linked evidence</dt>
            <dd>
              <ul>
                {f.evidenceLinks.map((l) => (
                  <li key={`${l.kind}:${l.ref}`}>{l.href ? <Link to={l.href}>{l.label}</Link> : l.label}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>Rituals that address it</dt>
        <dd>{f.rituals.map((r) => r.name).join(', ') || 'None: tie a ritual to it'}</dd>
        <dt>Artifacts that address it</dt>
        <dd>{f.artifacts.join(', ') || 'None'}</dd>
      </dl>
      {can && !editing ? (
        <div className="form-actions">
          <button type="button" className="button small" onClick={onEdit}>
            Edit
          </button>
          {f.rank && index > 0 ? (
            <ActionButton small run={written(() => charterApi.rank(moved(ids, index, index - 1)))}>
              Move up
            </ActionButton>
          ) : null}
          {f.rank && index < ids.length - 1 ? (
            <ActionButton small run={written(() => charterApi.rank(moved(ids, index, index + 1)))}>
              Move down
            </ActionButton>
          ) : null}
          <ActionButton
            small
            run={written(() => charterApi.updateFriction(f.id, { retired: f.rank !== null }))}
          >
            {f.rank ? 'Retire' : 'Bring back'}
          </ActionButton>
        </div>
      ) : null}
    </section>
  );
}

/** Issue 16: the top frictions (pack §0), ranked, and the rituals that map to none (pack §8). */
export function FrictionsPage() {
  const data = useLoad(['frictions'], (signal) => charterApi.frictions(signal));
  const rituals = useLoad(['cadence', 'rituals'], (signal) => cadenceApi.rituals.all(signal));
  const [editing, setEditing] = useState<string | null>(null);
  const list = data.data;
  const ritualOptions = (rituals.data ?? []).map((r) => ({ id: r.id, name: r.name }));
  const done = () => setEditing(null);
  const render = (f: TFriction, i: number) =>
    editing === f.id ? (
      <FrictionForm
        key={f.id}
        friction={f}
        rituals={ritualOptions}
        onSaved={done}
        onCancel={() => setEditing(null)}
      />
    ) : (
      <FrictionCard
        key={f.id}
        f={f}
        list={list!}
        index={i}
        editing={editing !== null}
        onEdit={() => setEditing(f.id)}
      />
    );
  return (
    <Page
      title="Top frictions"
      intro={
        <p>
          What Product Ops works against this quarter, worst first. Every ritual and artifact must map to one
          of them: if it doesn't reduce surprise, status overhead or enablement gaps, cut it. See also the{' '}
          <Link to="/charter">charter</Link> and the <Link to="/qbr">quarterly QBR</Link>.
        </p>
      }
      actions={
        list?.permissions.update && editing === null ? (
          <button type="button" className="button primary" onClick={() => setEditing('new')}>
            Add a friction
          </button>
        ) : null
      }
    >
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {!list ? (
        data.error ? null : (
          <Loading what="the frictions" />
        )
      ) : (
        <>
          {list.warning ? (
            <p className="warning" role="status">
              {list.warning}
            </p>
          ) : null}
          {editing === 'new' ? (
            <FrictionForm
              friction={null}
              rituals={ritualOptions}
              onSaved={done}
              onCancel={() => setEditing(null)}
            />
          ) : null}
          {list.items.map(render)}
          {list.retired.length ? (
            <>
              <h2>Retired</h2>
              {list.retired.map(render)}
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
