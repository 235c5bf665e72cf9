import { useState } from 'react';
import type { TSubscription } from '../../../shared/delivery.ts';
import { artifactKindLabel, tiersText } from '../../lib/cadence-labels.ts';
import { problemFrom } from '../../lib/forms.ts';
import { ToleranceEditor } from './tolerance-field.tsx';

function RemoveButton({ s, onRemove }: { s: TSubscription; onRemove: (s: TSubscription) => Promise<void> }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button small danger-outline"
        aria-disabled={pending || undefined}
        onClick={async () => {
          if (pending) return;
          setPending(true);
          setError(null);
          try {
            await onRemove(s);
          } catch (err) {
            setError(problemFrom(err).message);
            setPending(false);
          }
        }}
      >
        Remove
        <span className="visually-hidden">
          {' '}
          {artifactKindLabel(s.kind)}
          {s.areaName ? ` in ${s.areaName}` : ''}
          {s.channelName ? ` for ${s.channelName}` : ''}
        </span>
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Release tiers, or how far a roadmap item must move before this subscription hears of it. */
function Which({
  s,
  orgTolerance,
  onToleranceSaved,
}: {
  s: TSubscription;
  orgTolerance: number;
  onToleranceSaved: (s: TSubscription) => void;
}) {
  if (s.kind === 'release') return <>{tiersText(s.tiers)}</>;
  if (s.kind === 'roadmap' && s.enabled)
    return <ToleranceEditor s={s} orgDefault={orgTolerance} onSaved={onToleranceSaved} />;
  return <>—</>;
}

/** Subscriptions and opt-outs, each removable; a roadmap subscription's move tolerance is edited in place. */
export function SubscriptionsTable({
  caption,
  items,
  onRemove,
  showChannel,
  orgTolerance,
  onToleranceSaved,
}: {
  caption: string;
  items: readonly TSubscription[];
  onRemove: (s: TSubscription) => Promise<void>;
  showChannel?: boolean;
  /** settings.roadmap.moveToleranceDays, shown when a roadmap subscription has none of its own. */
  orgTolerance: number;
  onToleranceSaved: (s: TSubscription) => void;
}) {
  if (items.length === 0) return <p className="empty">None yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {showChannel ? <th scope="col">Channel</th> : null}
            <th scope="col">Artifact</th>
            <th scope="col">Area</th>
            <th scope="col">Which</th>
            <th scope="col">Kind</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              {showChannel ? <td>{s.channelName ?? '—'}</td> : null}
              <th scope="row">{artifactKindLabel(s.kind)}</th>
              <td>{s.areaName ?? 'every area'}</td>
              <td>
                <Which s={s} orgTolerance={orgTolerance} onToleranceSaved={onToleranceSaved} />
              </td>
              <td>
                {s.enabled ? (
                  <span className="badge ok no-margin">subscribed</span>
                ) : (
                  <span className="badge muted no-margin">opted out</span>
                )}
              </td>
              <td>
                <RemoveButton s={s} onRemove={onRemove} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
