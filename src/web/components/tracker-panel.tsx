import { useState } from 'react';
import { inProductOrg } from '../../shared/role-names.ts';
import type { TTrackerPanel, TTrackerSubject } from '../../shared/trackers.ts';
import { trackersApi } from '../api-trackers.ts';
import { useSubmit } from '../lib/forms.ts';
import { formatLocalDate } from '../lib/org-time.ts';
import { useMe } from '../lib/session.tsx';
import { useLoad } from '../lib/use-load.ts';
import { NumberField, TextField } from './fields.tsx';
import { Form, FormActions } from './form.tsx';
import { LoadError } from './page.tsx';

/**
 * Issue 18: the small "Tracker" panel of a release or roadmap item — its GitHub milestone, progress, due date and
 * where GitHub and prodops disagree (flagged, never written over). The product org's; hidden from stakeholders.
 */
export function TrackerPanel({ type, id, canEdit }: { type: TTrackerSubject; id: string; canEdit: boolean }) {
  const me = useMe();
  const show = inProductOrg(me.roles);
  const data = useLoad(show ? ['trackers', type, id] : null, (signal) => trackersApi.panel(type, id, signal));
  if (!show) return null;
  const p = data.data;
  return (
    <section aria-labelledby={`tracker-${id}`} className="panel">
      <h2 id={`tracker-${id}`}>Tracker</h2>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {p?.link ? (
        <LinkSummary
          panel={p}
          onChanged={data.setData}
          reload={data.reload}
          canEdit={canEdit}
          type={type}
          id={id}
        />
      ) : null}
      {p && !p.link ? (
        canEdit ? (
          <LinkForm type={type} id={id} onLinked={data.setData} />
        ) : (
          <p className="muted">Not linked to a GitHub milestone.</p>
        )
      ) : null}
    </section>
  );
}

function LinkSummary(o: {
  panel: TTrackerPanel;
  onChanged: (p: TTrackerPanel) => void;
  reload: () => void;
  canEdit: boolean;
  type: TTrackerSubject;
  id: string;
}) {
  const link = o.panel.link!;
  const submit = useSubmit();
  const name = `${link.repo} · ${link.title ?? `milestone ${link.milestone}`}`;
  return (
    <>
      <p>
        GitHub: {link.url ? <a href={link.url}>{name}</a> : name}
        {link.state === 'closed' ? ' (closed)' : ''}
      </p>
      <p>
        {link.progressText ?? 'Not pulled yet.'}
        {link.dueOn ? ` · due ${formatLocalDate(link.dueOn, true)}` : ' · no due date'}
      </p>
      {link.pullError ? <p className="error-text">Last pull failed: {link.pullError}</p> : null}
      {o.panel.differences.length ? (
        <>
          <h3>Differs from prodops</h3>
          <ul>
            {o.panel.differences.map((d) => (
              <li key={d.id}>
                {d.text}.{' '}
                <button
                  type="button"
                  className="button small"
                  disabled={submit.pending}
                  onClick={() =>
                    void submit.run(async () => {
                      await trackersApi.acknowledge(d.id);
                      o.reload();
                    })
                  }
                >
                  Acknowledge
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {submit.problem ? (
        <p className="field-error" role="alert">
          {submit.problem.message}
        </p>
      ) : null}
      {o.canEdit ? (
        <button
          type="button"
          className="button small"
          disabled={submit.pending}
          onClick={() => void submit.run(async () => o.onChanged(await trackersApi.unlink(o.type, o.id)))}
        >
          Unlink
        </button>
      ) : null}
    </>
  );
}

function LinkForm({
  type,
  id,
  onLinked,
}: {
  type: TTrackerSubject;
  id: string;
  onLinked: (p: TTrackerPanel) => void;
}) {
  const submit = useSubmit();
  const [repo, setRepo] = useState('');
  const [milestone, setMilestone] = useState(Number.NaN);
  return (
    <Form
      id={`tracker-link-${id}`}
      submit={submit}
      label="Link to a GitHub milestone"
      onSubmit={async () => onLinked(await trackersApi.link(type, id, { repo, milestone }))}
    >
      <TextField path="repo" label="Repository (owner/name)" value={repo} onChange={setRepo} required />
      <NumberField
        path="milestone"
        label="Milestone number"
        value={milestone}
        onChange={setMilestone}
        min={1}
        required
      />
      <FormActions submit={submit} label="Link milestone" pendingText="Linking…" />
    </Form>
  );
}
