import { Link, useNavigate, useParams } from 'react-router';
import type { TArea, TPerson, TPod } from '../../../shared/org.ts';
import { api } from '../../api-client.ts';
import { DeleteButton } from '../../components/delete-button.tsx';
import { LoadError, Loading, Page } from '../../components/page.tsx';
import { FUNCTION_LABELS, rolesText } from '../../lib/labels.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { PersonForm } from './person-form.tsx';

interface Loaded {
  person: TPerson;
  areas: TArea[];
  pods: TPod[];
}

function PersonDetails({ person, areas, pods }: Loaded) {
  const ownedAreas = areas.filter((a) => person.areaIds.includes(a.id));
  const memberOf = pods.filter((p) => person.podIds.includes(p.id));
  return (
    <dl className="details">
      <dt>Email</dt>
      <dd>{person.email}</dd>
      <dt>Function</dt>
      <dd>{FUNCTION_LABELS[person.function]}</dd>
      <dt>Roles</dt>
      <dd>{rolesText(person.roles)}</dd>
      <dt>Slack user id</dt>
      <dd>{person.slackId ?? 'none'}</dd>
      <dt>Status</dt>
      <dd>
        {person.active ? 'Active' : 'Inactive'}
        {person.canSignIn ? ', can sign in' : ', cannot sign in (no password)'}
      </dd>
      <dt>Owns areas</dt>
      <dd>
        {ownedAreas.length === 0
          ? 'none'
          : ownedAreas.map((a, i) => (
              <span key={a.id}>
                {i > 0 ? ', ' : ''}
                <Link to={`/areas/${a.id}`}>{a.name}</Link>
              </span>
            ))}
      </dd>
      <dt>Pods</dt>
      <dd>
        {memberOf.length === 0
          ? 'none'
          : memberOf.map((p, i) => (
              <span key={p.id}>
                {i > 0 ? ', ' : ''}
                <Link to={`/pods/${p.id}`}>{p.name}</Link>
              </span>
            ))}
      </dd>
    </dl>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const data = useLoad<Loaded>(['people', id], async (signal) => {
    const [person, areas, pods] = await Promise.all([
      api.people.get(id, signal),
      api.areas.all(signal),
      api.pods.all(signal),
    ]);
    return { person, areas, pods };
  });

  if (!data.data) {
    return (
      <Page title="Person">
        {data.error ? <LoadError error={data.error} retry={data.reload} /> : <Loading what="person" />}
        <p>
          <Link to="/people">Back to people</Link>
        </p>
      </Page>
    );
  }
  const { person } = data.data;
  return (
    <Page title={person.name} intro={<Link to="/people">← All people</Link>}>
      <PersonDetails {...data.data} />
      {person.permissions.update ? (
        <section aria-labelledby="edit-person">
          <h2 id="edit-person">Edit</h2>
          <PersonForm
            key={person.id}
            me={me}
            person={person}
            onSaved={(updated) => data.setData({ ...data.data!, person: updated })}
          />
        </section>
      ) : null}
      {person.permissions.delete ? (
        <section aria-labelledby="delete-person" className="danger-zone">
          <h2 id="delete-person">Delete</h2>
          <p>Deleting {person.name} cannot be undone; the audit log keeps a record of it.</p>
          <DeleteButton
            what={person.name}
            onDelete={async () => {
              await api.people.remove(person.id);
              navigate('/people', { replace: true });
            }}
          />
        </section>
      ) : null}
    </Page>
  );
}
