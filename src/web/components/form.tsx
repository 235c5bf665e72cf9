import {
  createContext,
  type FormEvent,
  type MouseEvent,
  type ReactNode,
  useContext,
  useEffect,
  useRef,
} from 'react';
import type { Problem, Submit } from '../lib/forms.ts';

interface FormContextValue {
  idPrefix: string;
  problem: Problem | null;
  /** Field labels by path, filled as fields render, so the summary can name them. */
  labels: Map<string, string>;
}

const FormContext = createContext<FormContextValue | null>(null);

export const fieldId = (prefix: string, path: string) => `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The id, error and ARIA wiring of one field at `path` ("members.2.personId"). */
export function useField(path: string, label: string) {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error('fields belong inside a <Form>');
  ctx.labels.set(path, label);
  const id = fieldId(ctx.idPrefix, path);
  const messages = ctx.problem?.fields.filter((f) => f.path === path).map((f) => f.message) ?? [];
  const error = messages.length ? messages.join('; ') : null;
  return { id, error, errorId: `${id}-error` };
}

/** Problems reported on a group (`members`) or anything under it, for fieldsets. */
export function useGroupErrors(path: string, nested = false): string[] {
  const ctx = useContext(FormContext);
  const matches = (p: string) => p === path || (nested && p.startsWith(`${path}.`));
  return ctx?.problem?.fields.filter((f) => matches(f.path)).map((f) => f.message) ?? [];
}

/** "members.2.personId" → itself, "members.2", "members": the nearest path the form shows. */
function ancestors(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
}

export function FieldError({ id, error }: { id: string; error: string | null }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id}>
      {error}
    </p>
  );
}

function ErrorSummary({ ctx, attempt }: { ctx: FormContextValue; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const { problem } = ctx;
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);
  if (!problem) return null;
  const labelOf = (path: string) => {
    const known = ancestors(path).find((p) => ctx.labels.has(p));
    return known ? ctx.labels.get(known) : path;
  };
  const focusField = (path: string) => (e: MouseEvent) => {
    for (const p of ancestors(path)) {
      const el = document.getElementById(fieldId(ctx.idPrefix, p));
      if (el) {
        e.preventDefault();
        el.focus();
        return;
      }
    }
  };
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      {problem.fields.length === 0 ? (
        <p>{problem.message}</p>
      ) : (
        <>
          <p className="error-summary-title">
            {problem.fields.length === 1
              ? 'Please fix this problem:'
              : `Please fix these ${problem.fields.length} problems:`}
          </p>
          <ul>
            {problem.fields.map((f) => (
              <li key={`${f.path}: ${f.message}`}>
                <a href={`#${fieldId(ctx.idPrefix, f.path)}`} onClick={focusField(f.path)}>
                  {labelOf(f.path)}
                </a>{' '}
                {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

interface FormProps {
  /** Prefix of the fields' ids; unique on the page. */
  id: string;
  submit: Submit;
  onSubmit: () => Promise<void>;
  label?: string;
  className?: string;
  children: ReactNode;
}

/** A form with the API's error contract: a summary on top, each message next to its field. */
export function Form({ id, submit, onSubmit, label, className, children }: FormProps) {
  const labels = useRef(new Map<string, string>()).current;
  const ctx: FormContextValue = { idPrefix: id, problem: submit.problem, labels };
  const handle = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void submit.run(onSubmit);
  };
  return (
    <FormContext.Provider value={ctx}>
      <form
        id={id}
        className={className ?? 'form'}
        onSubmit={handle}
        noValidate
        aria-label={label}
        aria-busy={submit.pending}
      >
        <ErrorSummary ctx={ctx} attempt={submit.attempt} />
        {children}
      </form>
    </FormContext.Provider>
  );
}

/** The form's buttons and its live "Saving…" status. */
export function FormActions({
  submit,
  label = 'Save',
  pendingText = 'Saving…',
  note,
  children,
}: {
  submit: Submit;
  label?: string;
  pendingText?: string;
  /** Shown in the live region after a submit: "Saved.", "Nothing changed." */
  note?: string;
  children?: ReactNode;
}) {
  return (
    <div className="form-actions">
      {/* aria-disabled, not disabled: a disabled button loses keyboard focus; useSubmit ignores repeats. */}
      <button type="submit" className="button primary" aria-disabled={submit.pending || undefined}>
        {label}
      </button>
      {children}
      <span className="form-status" aria-live="polite">
        {submit.pending ? pendingText : submit.problem ? '' : (note ?? '')}
      </span>
    </div>
  );
}
