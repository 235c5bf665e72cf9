import type { Db } from './client.ts';

const prepared = new WeakMap<Db, Map<string, unknown>>();

/**
 * A query every request runs (who is calling, the settings), prepared once per database handle: drizzle builds
 * its SQL once instead of on every call (10–20 % of a request's CPU, issue 19), and on PostgreSQL the statement
 * is parsed once per connection (`name` is the server-side statement's name, so one name, one SQL text).
 */
export function preparedOn<T>(db: Db, name: string, prepare: (db: Db) => T): T {
  let own = prepared.get(db);
  if (!own) {
    own = new Map();
    prepared.set(db, own);
  }
  let query = own.get(name) as T | undefined;
  if (query === undefined) {
    query = prepare(db);
    own.set(name, query);
  }
  return query;
}
