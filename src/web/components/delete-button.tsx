import { useEffect, useRef, useState } from 'react';
import { problemFrom } from '../lib/forms.ts';

/** Delete with a confirmation step in place; the first button press never deletes anything. */
export function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await onDelete();
    } catch (err) {
      setError(problemFrom(err).message);
      setPending(false);
    }
  };

  return (
    <div className="delete-control">
      {confirming ? (
        <fieldset className="confirm">
          <legend>Delete {what}? This cannot be undone.</legend>
          <button
            type="button"
            className="button danger"
            onClick={confirm}
            aria-disabled={pending || undefined}
          >
            Yes, delete
          </button>
          <button type="button" className="button" ref={cancelRef} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          className="button danger-outline"
          ref={deleteRef}
          onClick={() => setConfirming(true)}
        >
          Delete
        </button>
      )}
      <p aria-live="polite" className="form-status">
        {pending ? 'Deleting…' : ''}
      </p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
