import { useState } from 'react';
import type { TActionItem, TPostLaunchCheck, TReleaseDetail } from '../../../shared/release-detail.ts';
import { ZPostLaunchInput } from '../../../shared/releases.ts';
import { releasesApi } from '../../api-releases.ts';
import { TextField } from '../../components/fields.tsx';
import { Form, FormActions } from '../../components/form.tsx';
import { RowsFieldset } from '../../components/rows-fieldset.tsx';
import { useSubmit, validate } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { RELEASE_CHANGES } from '../../lib/query-keys.ts';
import { timeIn } from '../../lib/release-flow.ts';
import { useMe } from '../../lib/session.tsx';
import { useWrite } from '../../lib/use-write.ts';
import { Fold } from './release-fold.tsx';

const TITLES = { day3: 'Day 3 check-in', day14: 'Day 14 retro' } as const;

function CheckForm({ releaseId, check }: { releaseId: string; check: TPostLaunchCheck }) {
  const write = useWrite(RELEASE_CHANGES);
  const submit = useSubmit();
  const [answers, setAnswers] = useState<Record<string, string>>(() => ({ ...check.answers }));
  // The retro's 1–3 action items are asked for once, the first time it is answered.
  const wantsItems = check.kind === 'day14' && !check.completedAt;
  const [items, setItems] = useState(['', '', '']);
  const [note, setNote] = useState('');
  const title = TITLES[check.kind];
  return (
    <Form
      id={`post-launch-${check.kind}`}
      label={title}
      submit={submit}
      onSubmit={async () => {
        const actionItems = items.map((i) => i.trim()).filter(Boolean);
        const body = validate(ZPostLaunchInput, {
          answers,
          ...(wantsItems ? { actionItems } : {}),
        });
        await write(() => releasesApi.postLaunch(releaseId, check.kind, body));
        setNote('Saved.');
      }}
    >
      {check.questions.map((q) => (
        <TextField
          key={q.key}
          path={`answers.${q.key}`}
          label={q.label}
          multiline
          value={answers[q.key] ?? ''}
          onChange={(text) => setAnswers((a) => ({ ...a, [q.key]: text }))}
        />
      ))}
      {wantsItems ? (
        <RowsFieldset
          path="actionItems"
          legend="Action items for Product Ops (1–3)"
          hint="What to change in the enablement process; Product Ops owns them."
        >
          {items.map((item, i) => (
            <TextField
              // biome-ignore lint/suspicious/noArrayIndexKey: three fixed slots
              key={i}
              path={`actionItems.${i}`}
              label={`Action item ${i + 1}`}
              value={item}
              onChange={(text) => setItems((xs) => xs.map((x, j) => (j === i ? text : x)))}
            />
          ))}
        </RowsFieldset>
      ) : null}
      <FormActions submit={submit} label={`Save ${title.toLowerCase()}`} note={note} />
    </Form>
  );
}

function ActionItems({ items }: { items: TActionItem[] }) {
  const write = useWrite(RELEASE_CHANGES);
  const me = useMe();
  const submit = useSubmit();
  if (!items.length) return null;
  return (
    <>
      <h3>Action items</h3>
      <ul className="plain action-items">
        {items.map((item) => {
          const may = me.can.manageRituals || item.ownerId === me.id;
          const id = `action-item-${item.id}`;
          return (
            <li key={item.id} className="checkbox">
              <input
                id={id}
                type="checkbox"
                checked={item.status === 'done'}
                disabled={!may}
                onChange={(e) =>
                  void submit.run(async () => {
                    await write(() => releasesApi.setActionItem(item.id, e.target.checked ? 'done' : 'open'));
                  })
                }
              />
              <label htmlFor={id}>
                {item.title} <span className="muted">({item.ownerName ?? 'no owner'})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {submit.problem ? (
        <p className="field-error" role="alert">
          {submit.problem.message}
        </p>
      ) : null}
    </>
  );
}

/** Pack §6 Post-Launch Capture (Tier 2/3): the Day 3 check-in and the Day 14 retro with its action items. */
export function PostLaunchSection({
  detail,
  timeZone,
  line,
}: {
  detail: TReleaseDetail;
  timeZone: string;
  line: string;
}) {
  const { checks, actionItems } = detail.postLaunch;
  if (!checks.length) return null;
  const may = detail.permissions.confirm.post_launch;
  return (
    <Fold id="post-launch" title="Post-launch" line={line}>
      {checks.map((c) => (
        <section key={c.id} aria-labelledby={`${c.kind}-heading`}>
          <h3 id={`${c.kind}-heading`}>
            {TITLES[c.kind]} <span className="muted">due {formatLocalDate(c.dueOn, true)}</span>
          </h3>
          {c.completedAt ? (
            <p className="muted">
              Answered by {c.completedBy}, {timeIn(c.completedAt, timeZone)}.
            </p>
          ) : null}
          {may ? (
            <CheckForm releaseId={detail.release.id} check={c} />
          ) : (
            <dl className="details">
              {c.questions.map((q) => (
                <div key={q.key} className="details-row">
                  <dt>{q.label}</dt>
                  <dd>{c.answers[q.key] || '—'}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ))}
      <ActionItems items={actionItems} />
    </Fold>
  );
}
