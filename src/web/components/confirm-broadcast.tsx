import { useId, useState } from 'react';
import type { TBroadcastHeld, TBroadcastPreview } from '../../shared/broadcasts.ts';
import { useSubmit } from '../lib/forms.ts';
import { BroadcastPreview } from './broadcast-preview.tsx';

/**
 * An action that notifies people, in two steps: the first click asks the server for the preview (what it sends,
 * to whom), the second takes the action; the note the preview asks for (if any) is written in between. `onDone`
 * gets the undo banner's data (null when nothing is held).
 */
export function ConfirmBroadcast({
  label,
  confirmLabel,
  pendingText,
  primary = true,
  noteMaxLength = 1000,
  preview: loadPreview,
  run,
  onDone,
}: {
  label: string;
  confirmLabel: string;
  pendingText: string;
  primary?: boolean;
  /** The most the server accepts in the note. */
  noteMaxLength?: number;
  preview: (note?: string) => Promise<TBroadcastPreview>;
  run: (note?: string) => Promise<TBroadcastHeld | null>;
  onDone: (held: TBroadcastHeld | null) => void;
}) {
  const [preview, setPreview] = useState<TBroadcastPreview | null>(null);
  const [note, setNote] = useState('');
  const load = useSubmit();
  const act = useSubmit();
  const noteId = useId();
  const noteError = act.problem?.fields?.find((f) => f.path === 'note')?.message ?? null;
  const show = (n?: string) => void load.run(async () => setPreview(await loadPreview(n || undefined)));
  const ask = preview?.note ?? null;
  return (
    <div className="publish-panel">
      {preview ? <BroadcastPreview preview={preview} /> : null}
      {ask ? (
        <div className={`field${noteError ? ' has-error' : ''}`}>
          <label htmlFor={noteId} className="field-label">
            {ask.label}
            {ask.required ? ' (required)' : ''}
          </label>
          <textarea
            id={noteId}
            rows={2}
            maxLength={noteMaxLength}
            value={note}
            aria-invalid={noteError ? true : undefined}
            onChange={(e) => setNote(e.target.value)}
            onBlur={() => show(note.trim())}
          />
          {noteError ? <p className="field-error">{noteError}</p> : null}
        </div>
      ) : null}
      <div className="form-actions">
        {preview ? (
          <>
            <button
              type="button"
              className="button primary"
              aria-disabled={act.pending || undefined}
              onClick={() =>
                void act.run(async () => {
                  const held = await run(note.trim() || undefined);
                  setPreview(null);
                  setNote('');
                  onDone(held);
                })
              }
            >
              {confirmLabel}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className={primary ? 'button primary' : 'button'}
            aria-disabled={load.pending || undefined}
            onClick={() => show()}
          >
            {label}…
          </button>
        )}
        <span className="form-status" aria-live="polite">
          {act.pending ? pendingText : load.pending ? 'Preparing the preview…' : ''}
        </span>
      </div>
      {[load.problem, act.problem].map((p) =>
        p && !(p === act.problem && noteError) ? (
          <p key={p.message} className="field-error" role="alert">
            {p.message}
          </p>
        ) : null,
      )}
    </div>
  );
}
