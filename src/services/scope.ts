import { AsyncLocalStorage } from 'node:async_hooks';
import type { TSettings } from '../shared/settings.ts';

/**
 * What one request or one job run reads at most once, carried by Node's AsyncLocalStorage so the ~60 services
 * that read the org's settings share one read (a query and a full parse) without each call site threading it.
 * Outside a scope (tests, the CLI, boot), every read goes to the database as before.
 */
interface Scope {
  settings: Promise<TSettings> | null;
}

const store = new AsyncLocalStorage<Scope>();

/** Runs `fn` in a fresh scope: the server wraps each request, the job runner each tick. */
export function inScope<T>(fn: () => T): T {
  return store.run({ settings: null }, fn);
}

/** The scope's settings, read with `read` the first time; a failed read is not remembered. */
export function scopedSettings(read: () => Promise<TSettings>): Promise<TSettings> {
  const scope = store.getStore();
  if (!scope) return read();
  if (!scope.settings) {
    const pending = read();
    scope.settings = pending;
    pending.catch(() => {
      if (scope.settings === pending) scope.settings = null;
    });
  }
  return scope.settings;
}

/** After a write of the settings, the rest of the scope reads what was written. */
export function settingsWritten(settings: TSettings | null): void {
  const scope = store.getStore();
  if (scope) scope.settings = settings ? Promise.resolve(settings) : null;
}
