import type { ReactNode } from 'react';
import { FieldError, useField } from './form.tsx';

/** The fieldset of a list field: focusable target of the error summary, with the list-level error. */
export function RowsFieldset({
  path,
  legend,
  hint,
  children,
}: {
  path: string;
  legend: string;
  hint: ReactNode;
  children: ReactNode;
}) {
  const f = useField(path, legend);
  return (
    <fieldset
      className={`rows-editor${f.error ? ' has-error' : ''}`}
      id={f.id}
      tabIndex={-1}
      aria-describedby={f.error ? f.errorId : undefined}
    >
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      <FieldError id={f.errorId} error={f.error} />
      {children}
    </fieldset>
  );
}
