import { useState } from 'react';
import { Link } from 'react-router';
import type { TBroadcastHeld } from '../../../shared/broadcasts.ts';
import type { TBoard, TBoardArea, TBoardStatus } from '../../../shared/updates.ts';
import { updatesApi } from '../../api-updates.ts';
import { ConfirmBroadcast } from '../../components/confirm-broadcast.tsx';
import { LiveStatus } from '../../components/page.tsx';
import { UndoBanner } from '../../components/undo-banner.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { formatDateTimeIn } from '../../lib/org-time.ts';
import type { ResourceKey } from '../../lib/query-keys.ts';
import { useMe } from '../../lib/session.tsx';
import { useInvalidate, useWrite } from '../../lib/use-write.ts';
import { FollowUps } from './follow-ups.tsx';

const STATUS: Record<TBoardStatus, { text: string; tone: string }> = {
  submitted: { text: 'Submitted', tone: 'ok' },
  late: { text: 'Late', tone: 'warn' },
  absent: { text: 'Absent', tone: 'muted' },
  missing: { text: 'Missing', tone: 'danger' },
};

/** What a week's board changes: the updates pages (board, archive, follow-ups) and the home page's figures. */
const UPDATE_CHANGES: readonly ResourceKey[] = [['updates'], ['home']];

export function StatusBadge({ status }: { status: TBoardStatus }) {
  return <span className={`badge ${STATUS[status].tone}`}>{STATUS[status].text}</span>;
}

function MarkAbsent({ week, area }: { week: string; area: TBoardArea }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  const write = useWrite(UPDATE_CHANGES);
  const id = `absence-${area.areaId}`;
  return (
    <details className="inline-disclosure">
      <summary>Mark absent</summary>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            await write(() => updatesApi.markAbsent(week, area.areaId, reason));
          });
        }}
      >
        <label htmlFor={id}>Reason ({area.areaName})</label>
        <input
          id={id}
          value={reason}
          maxLength={500}
          placeholder="on leave"
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="submit" className="button" aria-disabled={submit.pending || undefined}>
          Mark {area.pmName ?? 'PM'} absent
        </button>
        {submit.problem ? (
          <p className="field-error" role="alert">
            {submit.problem.message}
          </p>
        ) : null}
      </form>
    </details>
  );
}

function Check({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <li className={ok ? 'check ok' : 'check'}>
      <span aria-hidden="true">{ok ? '✓' : '○'}</span>{' '}
      <span className="visually-hidden">{ok ? 'Done: ' : 'Not yet: '}</span>
      {children}
    </li>
  );
}

/** The pack's definition of done, as the server checked it. */
export function DoneChecklist({ board }: { board: TBoard }) {
  const { done } = board;
  const coveredNow = board.areas.every((a) => a.status !== 'missing');
  const contributed = done.published ? done.allContributed : coveredNow;
  const missing = done.published
    ? done.missingAreas
    : board.areas.filter((a) => a.status === 'missing').map((a) => a.areaName);
  return (
    <ul className="checklist" aria-label="Definition of done">
      <Check ok={contributed}>
        All PMs contributed (or marked absent)
        {missing.length ? <span className="muted"> — missing: {missing.join(', ')}</span> : null}
      </Check>
      <Check ok={done.crossCuttingSection}>Cross-cutting section present</Check>
      <Check ok={done.published && done.delivered.total > 0 && done.delivered.sent === done.delivered.total}>
        Delivered to every configured channel
        {done.delivered.total ? (
          <span className="muted">
            {' '}
            — {done.delivered.sent} of {done.delivered.total} sent
            {done.delivered.dead ? `, ${done.delivered.dead} failed` : ''}
          </span>
        ) : null}
      </Check>
      <Check ok={done.publishedOnTime}>Published on time</Check>
    </ul>
  );
}

/**
 * Publishing in two steps (ConfirmBroadcast): the preview (the message as sent, who gets it, what is missing),
 * then the publication; a correction asks for a note saying what it changes. After publishing, `onHeld` gets
 * the undo banner's data while the messages wait.
 */
function PublishPanel({
  board,
  onHeld,
}: {
  board: TBoard;
  onHeld: (held: TBroadcastHeld | null, status: string) => void;
}) {
  const correcting = board.versions.length > 0;
  const write = useWrite(UPDATE_CHANGES);
  return (
    <ConfirmBroadcast
      label={correcting ? 'Publish a correction' : 'Publish now'}
      confirmLabel={correcting ? 'Publish the correction' : 'Publish'}
      pendingText="Publishing…"
      noteMaxLength={500}
      preview={(note) => updatesApi.publishPreview(board.week, note)}
      run={async (note) => (await write(() => updatesApi.publish(board.week, note))).undo}
      onDone={(held) => onHeld(held, correcting ? 'Correction published.' : 'Published.')}
    />
  );
}

interface BoardProps {
  board: TBoard;
  timeZone: string;
}

/** Who submitted, who is late, who is away; the PM's own areas link to the compose form. */
export function StatusBoard({ board, timeZone }: BoardProps) {
  const me = useMe();
  const invalidate = useInvalidate();
  // Kept here: the publish panel starts over (remounts) once the board changes, the banner must stay.
  const [held, setHeld] = useState<TBroadcastHeld | null>(null);
  const [status, setStatus] = useState('');
  const canManage = me.can.manageRituals;
  const published = board.versions.length > 0;
  return (
    <>
      <dl className="details">
        <dt>Due</dt>
        <dd>{formatDateTimeIn(board.dueAt, timeZone)}</dd>
        <dt>Publication</dt>
        <dd>
          {board.publishedAt
            ? `Published ${formatDateTimeIn(board.publishedAt, timeZone)}`
            : `${formatDateTimeIn(board.publishAt, timeZone)} (automatic)`}{' '}
          <span className="muted">({timeZone})</span>
          {published ? (
            <>
              {' '}
              · <Link to={`/updates/${board.week}`}>Read the published update</Link>
            </>
          ) : null}
        </dd>
      </dl>
      <div className="table-wrap">
        <table className="status-board">
          <caption className="visually-hidden">Contributions for {board.week}</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">PM</th>
              <th scope="col">Status</th>
              <th scope="col">Submitted</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {board.areas.map((a) => {
              const mine = me.ownedAreaIds.includes(a.areaId);
              return (
                <tr key={a.areaId}>
                  <th scope="row">{a.areaName}</th>
                  <td>{a.pmName ?? <span className="muted">no PM</span>}</td>
                  <td>
                    <StatusBadge status={a.status} />
                    {a.absentReason ? <span className="muted"> {a.absentReason}</span> : null}
                  </td>
                  <td>{a.submittedAt ? formatDateTimeIn(a.submittedAt, timeZone) : '—'}</td>
                  <td>
                    <div className="row-actions">
                      {mine || canManage ? (
                        <Link to={`/updates/${board.week}/areas/${a.areaId}`}>
                          {mine ? 'Write my update' : 'Write the update'}
                          <span className="visually-hidden"> for {a.areaName}</span>
                        </Link>
                      ) : null}
                      {canManage && a.status === 'missing' ? <MarkAbsent week={board.week} area={a} /> : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3>Definition of done</h3>
      <DoneChecklist board={board} />
      <LiveStatus>{status}</LiveStatus>
      {held ? (
        <UndoBanner
          held={held}
          onUndone={(restored) => {
            setHeld(null);
            setStatus(`Undone. ${restored}`);
            void invalidate(...UPDATE_CHANGES);
          }}
          onDismiss={() => setHeld(null)}
        />
      ) : null}
      {canManage ? (
        // A new absence or submission changes what publishing would do: start over from a fresh preview.
        <PublishPanel
          key={`${board.versions.length}:${board.areas.map((a) => a.status).join()}`}
          board={board}
          onHeld={(h, text) => {
            setHeld(h);
            setStatus(text);
          }}
        />
      ) : null}
      <FollowUps timeZone={timeZone} />
    </>
  );
}
