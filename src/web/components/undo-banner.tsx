import { useEffect, useState } from 'react';
import type { TBroadcastHeld } from '../../shared/broadcasts.ts';
import { broadcastsApi } from '../api-broadcasts.ts';
import { now } from '../lib/clock.ts';
import { useSubmit } from '../lib/forms.ts';
import { dismissHeld, useShownOnPage } from '../lib/held-broadcasts.ts';
import { useInvalidate } from '../lib/use-write.ts';
import './undo-banner.css';

const secondsLeft = (sendAt: string) => Math.max(0, Math.ceil((Date.parse(sendAt) - now()) / 1000));

/**
 * After an action that notifies people: "Sent in 60 s — Undo" counting down on the server's clock. Undo puts
 * the action back on the server (or says why it cannot); `onUndone` lets the page reload what changed.
 */
export function UndoBanner({
  held,
  onUndone,
  onDismiss,
  inLayout = false,
}: {
  held: TBroadcastHeld;
  onUndone: (restored: string) => void;
  onDismiss: () => void;
  /** The layout's copy (after a reload): it must not hide itself as "shown on a page". */
  inLayout?: boolean;
}) {
  const [left, setLeft] = useState(() => secondsLeft(held.sendAt));
  const undo = useSubmit();
  const invalidate = useInvalidate();
  useShownOnPage(held.id, !inLayout);
  useEffect(() => {
    // A new action: the layout's list learns of it, for when this page is left or reloaded.
    if (!inLayout) void invalidate(['broadcasts']);
  }, [inLayout, invalidate]);
  useEffect(() => {
    const timer = setInterval(() => setLeft(secondsLeft(held.sendAt)), 1000);
    return () => clearInterval(timer);
  }, [held.sendAt]);
  const open = left > 0;
  return (
    <div className="undo-banner" role="status">
      <p>
        <strong>{held.title}</strong> —{' '}
        {open
          ? `${held.messages} ${held.messages === 1 ? 'message' : 'messages'} sent in ${left} s.`
          : 'messages sent.'}{' '}
        {open ? <span className="muted">{held.undoes}</span> : null}
      </p>
      {open ? (
        <button
          type="button"
          className="button"
          aria-disabled={undo.pending || undefined}
          onClick={() =>
            void undo.run(async () => {
              const done = await broadcastsApi.undo(held.id);
              await invalidate(['broadcasts']);
              onUndone(done.restored);
            })
          }
        >
          {undo.pending ? 'Undoing…' : 'Undo'}
        </button>
      ) : null}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          dismissHeld(held.id);
          onDismiss();
        }}
      >
        Dismiss
      </button>
      {undo.problem ? (
        <p className="field-error" role="alert">
          {undo.problem.message}
        </p>
      ) : null}
    </div>
  );
}
