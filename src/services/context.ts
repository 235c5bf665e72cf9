import type { Db } from '../db/client.ts';
import type { TSettings } from '../shared/settings.ts';
import type { Actor } from './actor.ts';
import { getSettings } from './org/settings.ts';

/**
 * What a use-case runs with, built once per request or job: the database, who acts, the one instant it is
 * decided as of, and the org's settings read at most once (each read is a query and a full parse).
 */
export interface Context {
  db: Db;
  actor: Actor | null;
  now: Date;
  settings(): Promise<TSettings>;
}

export function createContext(o: { db: Db; actor: Actor | null; now: Date; settings?: TSettings }): Context {
  let settings: Promise<TSettings> | null = o.settings ? Promise.resolve(o.settings) : null;
  return {
    db: o.db,
    actor: o.actor,
    now: o.now,
    settings: () => {
      settings ??= getSettings(o.db);
      return settings;
    },
  };
}
