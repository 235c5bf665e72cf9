import { todayIn } from '../../../shared/calendar.ts';
import type { TFollowUp } from '../../../shared/updates.ts';
import { updatesApi } from '../../api-updates.ts';
import { LoadError, Loading } from '../../components/page.tsx';
import { useSubmit } from '../../lib/forms.ts';
import { formatLocalDate } from '../../lib/org-time.ts';
import { useMe } from '../../lib/session.tsx';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

/** "weekly_update:2026-W47" → "Week 2026-W47"; a Roadmap Review's action item says so. */
const sourceOf = (source: string): string => {
  if (source.startsWith('roadmap-review:')) return 'Roadmap Review action';
  const week = /\d{4}-W\d{2}/.exec(source)?.[0];
  return week ? `Week ${week}` : source;
};

function CloseButton({ item }: { item: TFollowUp }) {
  const close = useSubmit();
  // Follow-ups also show on the home page and on Roadmap Reviews' action items.
  const write = useWrite([['updates', 'follow-ups'], ['home'], ['roadmap', 'reviews']]);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={`Close follow-up: ${item.title}`}
        aria-disabled={close.pending || undefined}
        onClick={() =>
          void close.run(async () => {
            await write(() => updatesApi.closeFollowUp(item.id));
          })
        }
      >
        Close
      </button>
      {close.problem ? (
        <p className="field-error" role="alert">
          {close.problem.message}
        </p>
      ) : null}
    </>
  );
}

/** Open follow-ups from flagged risks and Roadmap Review action items; their assignees or Product Ops close them. */
export function FollowUps({ timeZone }: { timeZone: string }) {
  const me = useMe();
  const list = useLoad(['updates', 'follow-ups'], (signal) => updatesApi.openFollowUps(signal));
  const items = list.data?.items ?? [];
  return (
    <section className="follow-ups" aria-labelledby="follow-ups-heading">
      <h3 id="follow-ups-heading">Open follow-ups (flagged risks, Roadmap Review actions)</h3>
      {list.error ? <LoadError error={list.error} retry={list.reload} /> : null}
      {!list.data ? (
        list.error ? null : (
          <Loading what="the follow-ups" />
        )
      ) : items.length === 0 ? (
        <p className="muted">No open follow-ups</p>
      ) : (
        <ul className="follow-up-list" aria-busy={list.loading}>
          {items.map((f) => (
            <li key={f.id}>
              <div>
                <strong>{f.areaName ?? 'Org-wide'}</strong>: {f.title}
                <div className="muted">
                  {sourceOf(f.source)} · opened{' '}
                  {formatLocalDate(todayIn(timeZone, new Date(f.createdAt)), true)}
                </div>
              </div>
              {f.assigneeIds.includes(me.id) || me.can.manageRituals ? <CloseButton item={f} /> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
