import { forwardRef, useEffect, useRef, useState } from 'react';
import { percent } from './labels.ts';

interface Props {
  id: string;
  label: string;
  value: string;
  options: readonly { value: string; label: string }[];
  /** The first option, value "" (no theme, no area); absent when a value is required. */
  emptyLabel?: string;
  confidence: number;
  corrected: boolean;
  disabled?: boolean;
  onCommit: (value: string) => void;
  /** After Enter or Escape: focus goes back to the list. */
  onDone: () => void;
}

/**
 * A tag picker that saves once: a mouse pick saves at once; the arrow keys only move a draft, which Enter (or
 * leaving the field) saves and Escape drops. Otherwise every arrow press would be a correction to learn from.
 */
export const TagSelect = forwardRef<HTMLSelectElement, Props>(function TagSelect(props, ref) {
  const [draft, setDraftState] = useState(props.value);
  // The draft as of now: Escape then the blur that follows must see the dropped draft, not the last render's.
  const draftRef = useRef(props.value);
  const setDraft = (v: string) => {
    draftRef.current = v;
    setDraftState(v);
  };
  const byKeyboard = useRef(false);
  // Enter saves and moves focus away, and leaving saves too: the value sent is remembered to send it once.
  const sent = useRef<string | null>(null);
  useEffect(() => {
    draftRef.current = props.value;
    setDraftState(props.value);
    sent.current = null;
  }, [props.value]);
  const commit = (v: string) => {
    if (v === props.value || v === sent.current) return;
    sent.current = v;
    props.onCommit(v);
  };
  const hintId = `${props.id}-hint`;
  return (
    <div className="field tag-field">
      <label htmlFor={props.id} className="field-label">
        {props.label}
      </label>
      <select
        id={props.id}
        ref={ref}
        value={draft}
        disabled={props.disabled}
        aria-describedby={hintId}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') {
            e.preventDefault();
            if (e.key === 'Enter') commit(draftRef.current);
            else setDraft(props.value);
            props.onDone();
            return;
          }
          byKeyboard.current = true;
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          if (!byKeyboard.current) commit(e.target.value);
          byKeyboard.current = false;
        }}
        onBlur={() => {
          byKeyboard.current = false;
          commit(draftRef.current);
        }}
      >
        {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <p className="field-hint" id={hintId}>
        {props.corrected ? 'Set by a person' : `Tagger: ${percent(props.confidence)} sure`}
      </p>
    </div>
  );
});
