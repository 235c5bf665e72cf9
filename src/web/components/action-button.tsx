import { type ReactNode, useState } from 'react';
import { useSubmit } from '../lib/forms.ts';
import './action-button.css';

/**
 * A button that runs one request: "…" while it runs, a note when it is done, the API's message (and its field
 * problems, e.g. the sections a publication still misses) when it fails.
 */
export function ActionButton({
  children,
  run,
  pendingText = 'Working…',
  doneText = '',
  primary = false,
  small = false,
}: {
  children: ReactNode;
  run: () => Promise<void>;
  pendingText?: string;
  doneText?: string;
  primary?: boolean;
  small?: boolean;
}) {
  const submit = useSubmit();
  const [note, setNote] = useState('');
  const problem = submit.problem;
  return (
    <span className="action-button">
      <button
        type="button"
        className={['button', primary ? 'primary' : '', small ? 'small' : ''].filter(Boolean).join(' ')}
        aria-disabled={submit.pending || undefined}
        onClick={() =>
          void submit.run(async () => {
            setNote('');
            await run();
            setNote(doneText);
          })
        }
      >
        {children}
      </button>
      <span className="form-status" aria-live="polite">
        {submit.pending ? pendingText : problem ? '' : note}
      </span>
      {problem ? (
        <span className="field-error action-error" role="alert">
          {problem.message}
          {problem.fields.length ? `: ${problem.fields.map((f) => f.message).join('; ')}` : ''}
        </span>
      ) : null}
    </span>
  );
}
