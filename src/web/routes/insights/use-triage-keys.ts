import { useEffect, useRef } from 'react';

export interface TriageKeys {
  next: () => void;
  previous: () => void;
  open: () => void;
  /** 0–5: the kind in KIND_OPTIONS order (keys 1–6). */
  setKind: (index: number) => void;
  focusTheme: () => void;
  cycleSeverity: () => void;
  focusArea: () => void;
  confirm: () => void;
  loadMore: () => void;
}

/** Where typing goes into a field: shortcuts stay out of the way there. */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    // Radios move with the arrow keys: they count as fields.
    return !['checkbox', 'button', 'submit', 'reset'].includes(target.type);
  return false;
}

/** Enter on a link or button already does something: it keeps doing that. */
const activates = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('a, button, summary') !== null;

/**
 * The inbox's single-key shortcuts, on the whole page (like a mail client's) except while typing in a field.
 * `editing` false (a reader, not a triager) keeps only moving and opening.
 */
export function useTriageKeys(keys: TriageKeys, editing: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  const editingRef = useRef(editing);
  editingRef.current = editing;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typesText(e.target)) return;
      const k = ref.current;
      const edit: Record<string, () => void> = {
        t: k.focusTheme,
        s: k.cycleSeverity,
        a: k.focusArea,
        c: k.confirm,
      };
      let action: (() => void) | undefined;
      if (e.key === 'j' || e.key === 'ArrowDown') action = k.next;
      else if (e.key === 'k' || e.key === 'ArrowUp') action = k.previous;
      else if (e.key === 'n') action = k.loadMore;
      else if (e.key === 'Enter' && !activates(e.target)) action = k.open;
      else if (editingRef.current && /^[1-6]$/.test(e.key)) action = () => k.setKind(Number(e.key) - 1);
      else if (editingRef.current && !e.shiftKey) action = edit[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
