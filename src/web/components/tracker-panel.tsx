import { useState } from 'react';
import { inProductOrg } from '../../shared/role-names.ts';
import type { TTrackerLinkInput, TTrackerPanel, TTrackerSubject } from '../../shared/trackers.ts';
import { trackersApi } from '../api-trackers.ts';
import { useSubmit } from '../lib/forms.ts';
import { formatLocalDate } from '../lib/org-time.ts';
import { useMe } from '../lib/session.tsx';
import { useLoad } from '../lib/use-load.ts';
import { NumberField, SelectField, TextField } from './fields.tsx';
import { Form, FormActions } from './form.tsx';
import { LoadError } from './page.tsx';

/**
 * Issue 18: the small "Tracker" panel of a release or roadmap item — its GitHub milestone, Jira epic / version or
 * Linear project, progress, due date and where the tracker and prodops disagree (flagged, never written over).
 * The product org's; hidden from stakeholders.
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
          <p className="muted">Not linked to a tracker.</p>
        )
      ) : null}
    </section>
  );
}

/** How a closed target reads, by what it is (a GitHub milestone: "closed"). */
const CLOSED_WORDS: Record<string, string> = {
  epic: ' (done)',
  version: ' (released)',
  project: ' (completed)',
};

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
  const name =
    link.kind === 'github'
      ? `${link.repo} · ${link.title ?? `milestone ${link.milestone}`}`
      : link.repo === 'epic' && link.title
        ? `${link.target} · ${link.title}`
        : link.target;
  const closed = link.kind === 'github' ? ' (closed)' : (CLOSED_WORDS[link.repo] ?? ' (closed)');
  return (
    <>
      <p>
        {link.kind === 'github' ? 'GitHub: ' : null}
        {link.url ? <a href={link.url}>{name}</a> : name}
        {link.state === 'closed' ? closed : ''}
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
                      await trackersApi.acknowledge(link.kind, d.id);
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

type Target = 'milestone' | 'epic' | 'version' | 'project';
const TARGETS: { value: Target; label: string; button: string }[] = [
  { value: 'milestone', label: 'GitHub milestone', button: 'Link milestone' },
  { value: 'epic', label: 'Jira epic', button: 'Link epic' },
  { value: 'project', label: 'Linear project', button: 'Link project' },
  { value: 'version', label: 'Jira fix version', button: 'Link version' },
];

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
  const [target, setTarget] = useState<Target>('milestone');
  const [repo, setRepo] = useState('');
  const [milestone, setMilestone] = useState(Number.NaN);
  const [ref, setRef] = useState('');
  const input = (): TTrackerLinkInput =>
    target === 'milestone'
      ? { repo, milestone }
      : target === 'epic'
        ? { kind: 'jira', epic: ref }
        : target === 'project'
          ? { kind: 'linear', project: ref }
          : { kind: 'jira', fixVersion: ref };
  const chosen = TARGETS.find((t) => t.value === target) ?? TARGETS[0]!;
  return (
    <Form
      id={`tracker-link-${id}`}
      submit={submit}
      label={`Link to a ${chosen.label}`}
      onSubmit={async () => onLinked(await trackersApi.link(type, id, input()))}
    >
      <SelectField
        path="kind"
        label="What to link"
        value={target}
        onChange={(v) => setTarget(v as Target)}
        options={TARGETS.map((t) => ({ value: t.value, label: t.label }))}
      />
      {target === 'milestone' ? (
        <>
          <TextField path="repo" label="Repository (owner/name)" value={repo} onChange={setRepo} required />
          <NumberField
            path="milestone"
            label="Milestone number"
            value={milestone}
            onChange={setMilestone}
            min={1}
            required
          />
        </>
      ) : target === 'epic' ? (
        <TextField path="epic" label="Epic key (as ED-12)" value={ref} onChange={setRef} required />
      ) : target === 'project' ? (
        <TextField path="project" label="Project id (a UUID)" value={ref} onChange={setRef} required />
      ) : (
        <TextField path="fixVersion" label="Version id" value={ref} onChange={setRef} required />
      )}
      <FormActions submit={submit} label={chosen.button} pendingText="Linking…" />
    </Form>
  );
}
