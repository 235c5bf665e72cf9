import { type ReactNode, useEffect, useState } from 'react';
import { FieldError, useField, useGroupErrors } from './form.tsx';

interface BaseProps {
  /** The API path of the value, e.g. "email" or "members.2.personId". */
  path: string;
  label: string;
  hint?: ReactNode;
  /** Hide the label visually (table cells); screen readers still read it. */
  hideLabel?: boolean;
  disabled?: boolean;
  required?: boolean;
}

function describedBy(hintId: string | null, errorId: string | null): string | undefined {
  return [hintId, errorId].filter(Boolean).join(' ') || undefined;
}

function Label({
  id,
  label,
  hide,
  required,
}: {
  id: string;
  label: string;
  hide?: boolean;
  required?: boolean;
}) {
  return (
    <label htmlFor={id} className={hide ? 'visually-hidden' : 'field-label'}>
      {label}
      {required && !hide ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

interface TextProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'date' | 'time' | 'datetime-local' | 'url';
  autoComplete?: string;
  placeholder?: string;
  multiline?: boolean;
  list?: string;
}

export function TextField(props: TextProps) {
  const f = useField(props.path, props.label);
  const hintId = props.hint ? `${f.id}-hint` : null;
  const common = {
    id: f.id,
    name: props.path,
    value: props.value,
    disabled: props.disabled,
    required: props.required,
    'aria-invalid': f.error ? true : undefined,
    'aria-describedby': describedBy(hintId, f.error ? f.errorId : null),
    placeholder: props.placeholder,
  };
  return (
    <div className={`field${f.error ? ' has-error' : ''}`}>
      <Label id={f.id} label={props.label} hide={props.hideLabel} required={props.required} />
      {props.hint ? (
        <p className="field-hint" id={hintId ?? undefined}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          list={props.list}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      <FieldError id={f.errorId} error={f.error} />
    </div>
  );
}

interface NumberProps extends BaseProps {
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
}

/** Keeps what was typed (even "" or "1.") and reports NaN for an empty box, which validation names. */
export function NumberField(props: NumberProps) {
  const f = useField(props.path, props.label);
  const [text, setText] = useState(Number.isNaN(props.value) ? '' : String(props.value));
  useEffect(() => {
    setText((t) => {
      const shown = t.trim() === '' ? Number.NaN : Number(t);
      if (Object.is(shown, props.value)) return t;
      return Number.isNaN(props.value) ? '' : String(props.value);
    });
  }, [props.value]);
  const hintId = props.hint ? `${f.id}-hint` : null;
  return (
    <div className={`field${f.error ? ' has-error' : ''}`}>
      <Label id={f.id} label={props.label} hide={props.hideLabel} required={props.required} />
      {props.hint ? (
        <p className="field-hint" id={hintId ?? undefined}>
          {props.hint}
        </p>
      ) : null}
      <input
        id={f.id}
        name={props.path}
        type="number"
        inputMode="decimal"
        value={text}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        disabled={props.disabled}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy(hintId, f.error ? f.errorId : null)}
        onChange={(e) => {
          setText(e.target.value);
          props.onChange(e.target.value.trim() === '' ? Number.NaN : Number(e.target.value));
        }}
      />
      <FieldError id={f.errorId} error={f.error} />
    </div>
  );
}

interface SelectProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  /** Adds a first option with value "" (for "none" or "choose…"). */
  emptyLabel?: string;
}

export function SelectField(props: SelectProps) {
  const f = useField(props.path, props.label);
  const hintId = props.hint ? `${f.id}-hint` : null;
  return (
    <div className={`field${f.error ? ' has-error' : ''}`}>
      <Label id={f.id} label={props.label} hide={props.hideLabel} required={props.required} />
      {props.hint ? (
        <p className="field-hint" id={hintId ?? undefined}>
          {props.hint}
        </p>
      ) : null}
      <select
        id={f.id}
        name={props.path}
        value={props.value}
        disabled={props.disabled}
        required={props.required}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy(hintId, f.error ? f.errorId : null)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={f.errorId} error={f.error} />
    </div>
  );
}

interface CheckboxProps extends BaseProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField(props: CheckboxProps) {
  const f = useField(props.path, props.label);
  return (
    <div className={`field checkbox${f.error ? ' has-error' : ''}`}>
      <input
        id={f.id}
        name={props.path}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={f.error ? f.errorId : undefined}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={f.id}>{props.label}</label>
      <FieldError id={f.errorId} error={f.error} />
    </div>
  );
}

interface CheckboxGroupProps<V extends string | number> {
  path: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  disabled?: boolean;
  /** Options this user may not change (e.g. granting admin). */
  lockedValues?: readonly V[];
  hint?: ReactNode;
}

/** Several checkboxes as one value (roles, work week); errors on the array or any item show once. */
export function CheckboxGroup<V extends string | number>(props: CheckboxGroupProps<V>) {
  const f = useField(props.path, props.legend);
  const groupErrors = useGroupErrors(props.path, true);
  const error = groupErrors.length ? groupErrors.join('; ') : null;
  const toggle = (value: V, on: boolean) => {
    const next = props.options
      .map((o) => o.value)
      .filter((v) => (v === value ? on : props.values.includes(v)));
    props.onChange(next);
  };
  return (
    <fieldset
      className={`field checkbox-group${error ? ' has-error' : ''}`}
      id={f.id}
      tabIndex={-1}
      aria-describedby={error ? f.errorId : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint ? <p className="field-hint">{props.hint}</p> : null}
      <div className="checkbox-options">
        {props.options.map((o) => {
          const id = `${f.id}-${String(o.value)}`;
          return (
            <div className="checkbox" key={String(o.value)}>
              <input
                id={id}
                type="checkbox"
                checked={props.values.includes(o.value)}
                disabled={props.disabled || props.lockedValues?.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label htmlFor={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
      <FieldError id={f.errorId} error={error} />
    </fieldset>
  );
}

/** A choice among a few options shown side by side as radio buttons ("Fix now" / "Won't fix"). */
export function ToggleRadios<V extends string>(props: {
  path: string;
  legend: string;
  /** The radio group's name: unique on the page when several forms show the same choice. */
  name: string;
  options: readonly { value: V; label: string }[];
  value: V | '';
  onChange: (value: V) => void;
}) {
  const f = useField(props.path, props.legend);
  return (
    <fieldset
      className="field toggle-radios"
      id={f.id}
      tabIndex={-1}
      aria-describedby={f.error ? f.errorId : undefined}
    >
      <legend>{props.legend}</legend>
      {props.options.map((d) => (
        <span className="radio" key={d.value}>
          <input
            type="radio"
            id={`${f.id}-${d.value}`}
            name={props.name}
            checked={props.value === d.value}
            onChange={() => props.onChange(d.value)}
          />
          <label htmlFor={`${f.id}-${d.value}`}>{d.label}</label>
        </span>
      ))}
      <FieldError id={f.errorId} error={f.error} />
    </fieldset>
  );
}
