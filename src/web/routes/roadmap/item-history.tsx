import { LoadError, Loading } from '../../components/page.tsx';
import { useActorText } from '../../lib/use-actor-text.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useFormatInstant } from '../../lib/use-org-time-zone.ts';
import { roadmapApi } from './roadmap-api.ts';

/** Every version of the item, newest first: who, when, why, what changed, and which ones stakeholders saw. */
export function ItemHistory({ id, version }: { id: string; version: number }) {
  const at = useFormatInstant();
  const who = useActorText();
  const history = useLoad(['roadmap', 'item', id, 'history', version], (signal) =>
    roadmapApi.history(id, signal),
  );
  return (
    <section aria-labelledby="history-heading" className="release-section">
      <h2 id="history-heading">History</h2>
      {history.error ? <LoadError error={history.error} retry={history.reload} /> : null}
      {!history.data ? (
        history.error ? null : (
          <Loading what="the history" />
        )
      ) : history.data.items.length === 0 ? (
        <p className="empty">No history yet.</p>
      ) : (
        <ol className="item-history">
          {history.data.items.map((v) => (
            <li key={v.version} className={v.ratified ? 'ratified' : undefined}>
              <h3>
                Version {v.version}
                {v.kind === 'revert' ? <span className="badge warn">Reverted by the review</span> : null}
                {v.ratified ? <span className="badge ok">Ratified</span> : null}
              </h3>
              <p className="muted">
                {who(v.changedBy)}, <time dateTime={v.changedAt}>{at(v.changedAt)}</time>
              </p>
              {v.note ? <p className="history-note">“{v.note}”</p> : null}
              {v.changes.length ? (
                <ul>
                  {v.changes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
