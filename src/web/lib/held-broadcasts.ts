import { useEffect, useSyncExternalStore } from 'react';

/**
 * Which held actions a page already shows an undo banner for, and which the reader dismissed: the layout shows
 * the rest of GET /broadcasts/held, so an action's banner comes back after a reload or on another page, once.
 */
const onPage = new Map<string, number>();
const dismissed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version++;
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** While mounted, the page's banner stands for this action: the layout leaves it out. */
export function useShownOnPage(id: string, active: boolean) {
  useEffect(() => {
    if (!active) return;
    onPage.set(id, (onPage.get(id) ?? 0) + 1);
    changed();
    return () => {
      const n = (onPage.get(id) ?? 1) - 1;
      if (n === 0) onPage.delete(id);
      else onPage.set(id, n);
      changed();
    };
  }, [id, active]);
}

export function dismissHeld(id: string) {
  dismissed.add(id);
  changed();
}

/** Whether the layout should show this action's banner; re-renders when pages or dismissals change. */
export function useLayoutShows(): (id: string) => boolean {
  useSyncExternalStore(subscribe, () => version);
  return (id) => !onPage.has(id) && !dismissed.has(id);
}
