import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TReleaseDetail } from '../../../shared/release-detail.ts';
import { releasesApi } from '../../api-releases.ts';
import { ActionButton } from '../../components/action-button.tsx';
import { DeleteButton } from '../../components/delete-button.tsx';
import { formatLocalDate } from '../../lib/org-time.ts';
import { RELEASE_AND_ROADMAP_CHANGES } from '../../lib/query-keys.ts';
import { useWrite } from '../../lib/use-write.ts';
import { LaunchDay } from './launch-day.tsx';
import { StatusBadge, TierBadge } from './release-badges.tsx';
import { ReleaseEditForm } from './release-edit-form.tsx';

/**
 * Owners, date, tier and status; the edit form, "Mark launched" and delete for those permitted. "Mark launched"
 * is a secondary action here: when it is the next step, the flow bar offers it as the primary one instead.
 */
export function ReleaseHeader({ detail, launchIsNext }: { detail: TReleaseDetail; launchIsNext: boolean }) {
  const navigate = useNavigate();
  const write = useWrite(RELEASE_AND_ROADMAP_CHANGES);
  const [editing, setEditing] = useState(false);
  const r = detail.release;
  const open = r.status !== 'launched' && r.status !== 'rolled_back';
  return (
    <section id="section-overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading" className="visually-hidden">
        Overview
      </h2>
      <dl className="details">
        <dt>Area</dt>
        <dd>{r.areaName ?? 'none'}</dd>
        <dt>Tier</dt>
        <dd>
          <TierBadge tier={r.tier} />
        </dd>
        <dt>Status</dt>
        <dd>
          <StatusBadge status={r.status} />
          {r.launchedOn ? <span className="muted"> on {formatLocalDate(r.launchedOn, true)}</span> : null}
        </dd>
        <dt>Target launch date</dt>
        <dd>
          <LaunchDay r={r} />
        </dd>
        <dt>PM owner</dt>
        <dd>{r.pmOwnerName ?? 'nobody yet'}</dd>
        <dt>Eng owner</dt>
        <dd>{r.engOwnerName ?? 'nobody yet'}</dd>
      </dl>
      {detail.permissions.update ? (
        <div className="button-row">
          {open && !launchIsNext ? (
            <ActionButton
              pendingText="Marking launched…"
              doneText="Marked launched."
              run={async () => {
                await write(() => releasesApi.update(r.id, { status: 'launched' }));
              }}
            >
              Mark launched
            </ActionButton>
          ) : null}
          <button
            type="button"
            className="button"
            aria-expanded={editing}
            onClick={() => setEditing((e) => !e)}
          >
            Edit release
          </button>
        </div>
      ) : null}
      {editing ? (
        <ReleaseEditForm
          detail={detail}
          onCancel={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      ) : null}
      {detail.permissions.delete && editing ? (
        <DeleteButton
          what={r.title}
          onDelete={async () => {
            await releasesApi.remove(r.id);
            navigate('/releases', { replace: true });
          }}
        />
      ) : null}
    </section>
  );
}
