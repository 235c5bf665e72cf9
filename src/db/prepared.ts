import type { Db } from './client.ts';

const prepared = new WeakMap<Db, Map<string, unknown>>();

/**
 * Whether statements are named on the server. A CLI process that reaches the running server's embedded database
 * through its socket shares that database's one session with every other such process, and a name prepared there
 * outlives the connection: the next process preparing it would be refused ("already exists"). Those processes
 * send unnamed statements (parsed each time; the SQL is still built once).
 */
let namedStatements = true;

export function withoutNamedStatements(): void {
  namedStatements = false;
}

/**
 * A query every request runs (who is calling, the settings), prepared once per database handle: drizzle builds
 * its SQL once instead of on every call (10–20 % of a request's CPU, issue 19), and on PostgreSQL the statement
 * is parsed once per connection (`name` is the server-side statement's name, so one name, one SQL text).
 * `prepare` gets the name to give the statement ('' for an unnamed one).
 */
export function preparedOn<T>(db: Db, name: string, prepare: (db: Db, name: string) => T): T {
  let own = prepared.get(db);
  if (!own) {
    own = new Map();
    prepared.set(db, own);
  }
  let query = own.get(name) as T | undefined;
  if (query === undefined) {
    query = prepare(db, namedStatements ? name : '');
    own.set(name, query);
  }
  return query;
}
