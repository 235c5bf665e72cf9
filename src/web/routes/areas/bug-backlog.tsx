import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type TAreaBugBacklog,
  type TBug,
  type TBugBacklog,
  type TBugDisposition,
  ZBugDecisionInput,
} from '../../../shared/bugs.ts';
import type { TPerson } from '../../../shared/org.ts';
import { inProductOrg, rolesText } from '../../../shared/roles.ts';
import { api } from '../../api-client.ts';
import { qualityApi } from '../../api-quality.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { SelectField, TextField, ToggleRadios } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { LoadError, Loading } from '../../components/page.tsx';
import { backlogText, bugAgeText, bugDecisionText, bugOrder, decidersText } from '../../lib/bugs.ts';
import { useSubmit, validate } from '../../lib/forms.ts';
import type { ResourceKey } from '../../lib/query-keys.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

interface Loaded {
  backlog: TBugBacklog;
  area: TAreaBugBacklog;
  bugs: TBug[];
  /** Who may be named to fix a bug: active people of the product org, this week's deciders first. */
  people: TPerson[];
}

/** What deciding or closing a bug changes: the area's figures and lists, the home page. */
const BUG_CHANGES: readonly ResourceKey[] = [['areas'], ['home']];

const DECISIONS: { value: TBugDisposition; label: string }[] = [
  { value: 'fix_now', label: 'Fix now' },
  { value: 'wont_fix', label: "Won't fix" },
];

/** Fix now, by a person picked here; or won't fix, with why (it closes the bug). */
function DecisionForm({
  bug,
  people,
  preset,
}: {
  bug: TBug;
  people: TPerson[];
  preset: TBugDisposition | null;
}) {
  const write = useWrite(BUG_CHANGES);
  const submit = useSubmit();
  const [decision, setDecision] = useState<TBugDisposition | ''>(
    preset ?? (bug.disposition === 'fix_now' ? 'fix_now' : ''),
  );
  const [assigneeId, setAssigneeId] = useState(bug.assignee?.id ?? '');
  const [reason, setReason] = useState('');
  const id = `bug-${bug.id}-decision`;
  return (
    <Form
      id={id}
      label={`Decide: ${bug.title}`}
      submit={submit}
      onSubmit={async () => {
        const body = validate(
          ZBugDecisionInput,
          decision === 'fix_now' ? { decision, assigneeId } : { decision, reason },
        );
        await write(() => qualityApi.decideBug(bug.id, body));
      }}
    >
      <ToggleRadios
        path="decision"
        legend="Decision"
        name={`${id}-decision`}
        options={DECISIONS}
        value={decision}
        onChange={setDecision}
      />
      {decision === 'fix_now' ? (
        <SelectField
          path="assigneeId"
          label="Who fixes it"
          required
          emptyLabel="Choose a person"
          options={people.map((p) => ({ value: p.id, label: `${p.name} (${rolesText(p.roles)})` }))}
          value={assigneeId}
          onChange={setAssigneeId}
        />
      ) : null}
      {decision === 'wont_fix' ? (
        <TextField
          path="reason"
          label="Why it won't be fixed"
          multiline
          required
          hint="Closes the bug; the reason is kept with it and in the audit log."
          value={reason}
          onChange={setReason}
        />
      ) : null}
      <FormActions submit={submit} label="Record decision" pendingText="Recording…" />
    </Form>
  );
}

/** What the bug's disclosure offers this caller. */
function summaryOf(bug: TBug): string {
  const { decide, close } = bug.permissions;
  const first = decide ? (bug.disposition ? 'Change the decision' : 'Decide') : '';
  return first && close ? `${first}, or close it as fixed` : first || 'Close it as fixed';
}

function BugItem({
  bug,
  maxOpenDays,
  people,
  focused,
  preset,
}: {
  bug: TBug;
  maxOpenDays: number;
  people: TPerson[];
  focused: boolean;
  preset: TBugDisposition | null;
}) {
  const write = useWrite(BUG_CHANGES);
  const acts = bug.permissions.decide || bug.permissions.close;
  return (
    <li className={`bug-item${bug.awaitingDecision ? ' waiting' : ''}`} id={`bug-${bug.id}`}>
      <p className="bug-title">
        <strong>{bug.title}</strong>{' '}
        {bug.awaitingDecision ? (
          <span className="badge warn no-margin">Waiting for a decision</span>
        ) : bug.disposition === 'fix_now' ? (
          <span className="badge no-margin">Fix now</span>
        ) : null}
      </p>
      <p className="muted">
        {bugAgeText(bug)}
        {bug.source === 'insights' ? (
          <>
            {' · '}
            <Link to={`/insights?group=${encodeURIComponent(bug.externalId)}`}>the reports</Link>
          </>
        ) : (
          ` · from ${bug.source}`
        )}
      </p>
      <p>{bugDecisionText(bug, maxOpenDays)}</p>
      {acts ? (
        <details open={focused || undefined}>
          <summary>{summaryOf(bug)}</summary>
          {bug.permissions.decide ? (
            <DecisionForm bug={bug} people={people} preset={focused ? preset : null} />
          ) : null}
          {bug.permissions.close ? (
            <p>
              <ActionButton
                small
                pendingText="Closing…"
                run={async () => {
                  await write(() => qualityApi.closeBug(bug.id));
                }}
              >
                Close as fixed
              </ActionButton>
            </p>
          ) : null}
        </details>
      ) : null}
    </li>
  );
}

function BugBacklogBody({ data }: { data: Loaded }) {
  const [params] = useSearchParams();
  const focus = params.get('bug');
  const presetParam = params.get('decision');
  const preset = presetParam === 'fix_now' || presetParam === 'wont_fix' ? presetParam : null;
  const { area, backlog, bugs } = data;
  const max = backlog.maxOpenDays;
  // A link from a prompt names one bug: show it (its decision open).
  useEffect(() => {
    if (focus) document.getElementById(`bug-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus]);
  return (
    <>
      <p className="adoption-headline">
        <span className={`adoption-value ${area.open === backlog.target ? 'meets' : 'below'}`}>
          {area.open}
        </span>{' '}
        <span className="muted">
          open {area.open === 1 ? 'bug' : 'bugs'} · target {backlog.target}
        </span>
      </p>
      <p>{backlogText(area, max)}</p>
      {area.awaitingDecision ? (
        <div className="notice warn" role="note" aria-label="Bugs waiting for a decision">
          <p>
            {area.awaitingDecision === 1 ? '1 bug has' : `${area.awaitingDecision} bugs have`} been open
            longer than {max} days with no decision: fix now (and who), or won't fix (and why).
          </p>
        </div>
      ) : null}
      <p className="muted">
        {decidersText(area)} Ages are whole days in {backlog.timeZone}.
      </p>
      {bugs.length ? (
        <ul className="bug-list" aria-label="Open bugs">
          {bugOrder(bugs).map((b) => (
            <BugItem
              key={b.id}
              bug={b}
              maxOpenDays={max}
              people={data.people}
              focused={b.id === focus}
              preset={preset}
            />
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * Issue 15, no bug backlog: the area's open bugs against the target of zero, the oldest one's age, those over the
 * limit, and for each the decision — fix now (pick a person) or won't fix (say why) — for whoever may take it.
 */
export function BugBacklog({ areaId }: { areaId: string }) {
  const data = useLoad<Loaded | null>(['areas', areaId, 'bugs'], async (signal) => {
    const [backlog, list] = await Promise.all([
      qualityApi.bugBacklog(signal),
      qualityApi.bugs({ areaId, state: 'open' }, signal),
    ]);
    const area = backlog.areas.find((a) => a.area?.id === areaId);
    if (!area) return null;
    const deciders = new Set(area.deciders.map((d) => d.personId));
    const people = list.bugs.some((b) => b.permissions.decide)
      ? (await api.people.all(signal))
          .filter((p) => p.active && inProductOrg(p.roles))
          .sort(
            (a, b) => Number(deciders.has(b.id)) - Number(deciders.has(a.id)) || a.name.localeCompare(b.name),
          )
      : [];
    return { backlog, area, bugs: list.bugs, people };
  });
  return (
    <>
      <h3 id="bug-backlog">Bug backlog</h3>
      {data.error ? <LoadError error={data.error} retry={data.reload} /> : null}
      {data.data === undefined ? (
        data.error ? null : (
          <Loading what="the bug backlog" />
        )
      ) : data.data === null ? (
        <p className="empty">No bug backlog for this area.</p>
      ) : (
        <BugBacklogBody data={data.data} />
      )}
    </>
  );
}
