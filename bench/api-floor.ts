import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from '../src/db/client.ts';

/** One statement a route ran, as the driver got it. */
interface Statement {
  text: string;
  values: unknown[];
}

type Run = (s: Statement) => Promise<unknown[]>;

/**
 * Records the statements one request runs (through the driver, under the ORM) and runs them again without it:
 * the raw-SQL floor of a route is Fastify + the driver running the route's own SQL, answering the rows as JSON.
 */
export function sqlRecorder(database: Database) {
  let recording: Statement[] | null = null;
  const note = (text: unknown, values: unknown) => {
    if (!recording || typeof text !== 'string') return;
    // The floor runs statements on any pooled connection: a transaction's own bracket would strand one.
    if (/^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i.test(text)) return;
    recording.push({ text, values: Array.isArray(values) ? values : [] });
  };
  let run: Run;
  if (database.pool) {
    const pool = database.pool;
    const query = pool.query.bind(pool) as (...a: unknown[]) => Promise<{ rows: unknown[] }>;
    // drizzle calls query({ text, rowMode, types }, params) or query(text, params); a transaction checks a
    // client out, whose query is recorded the same way.
    const watch = (q: (...a: unknown[]) => unknown) =>
      ((...a: unknown[]) => {
        const [first, second] = a;
        if (typeof first === 'string') note(first, second);
        else if (first && typeof first === 'object') {
          const c = first as { text?: string; values?: unknown[] };
          note(c.text, second ?? c.values);
        }
        return q(...a);
      }) as never;
    pool.query = watch(query);
    const connect = pool.connect.bind(pool) as (
      ...a: unknown[]
    ) => Promise<{ query: (...a: unknown[]) => unknown }>;
    // pool.query checks a client out with a callback (already recorded above): only the promise form, which a
    // transaction uses, is watched.
    // A client is watched while checked out only: pool.query runs on pooled clients too, and a client left
    // watched would note its statements twice (once there, once here), and once more per later checkout.
    pool.connect = ((...a: unknown[]) => {
      if (a.length) return connect(...a);
      return connect().then((client) => {
        const c = client as { query: (...a: unknown[]) => unknown; release: (...a: unknown[]) => unknown };
        const release = c.release;
        c.query = watch(c.query.bind(c));
        c.release = (...r: unknown[]) => {
          delete (c as { query?: unknown }).query;
          c.release = release;
          return release.apply(c, r);
        };
        return client;
      });
    }) as never;
    run = async (s) => (await query(s.text, s.values)).rows;
  } else {
    const pglite = database.pglite!;
    const query = pglite.query.bind(pglite);
    pglite.query = ((text: string, params?: unknown[], opts?: unknown) => {
      note(text, params);
      return query(text, params, opts as never);
    }) as never;
    const transaction = pglite.transaction.bind(pglite);
    pglite.transaction = ((fn: (tx: { query: typeof query }) => unknown) =>
      transaction((tx) => {
        const q = tx.query.bind(tx);
        tx.query = ((text: string, params?: unknown[], opts?: unknown) => {
          note(text, params);
          return q(text, params, opts as never);
        }) as never;
        return fn(tx as never) as never;
      })) as never;
    run = async (s) => (await query(s.text, s.values)).rows;
  }
  return {
    /** The statements `request` runs (called once warm, so one-off work is not counted). */
    async record(request: () => Promise<void>): Promise<Statement[]> {
      recording = [];
      try {
        await request();
        return recording;
      } finally {
        recording = null;
      }
    },
    run,
  };
}

/** A Fastify server answering GET /floor/:n with the rows of route n's statements as JSON. */
export async function floorServer(routes: Statement[][], run: Run): Promise<FastifyInstance> {
  const app = Fastify();
  app.get<{ Params: { n: string } }>('/floor/:n', async (req, reply) => {
    // All at once: a route's independent reads may overlap, so the floor lets them (on PGlite they queue anyway).
    const out = await Promise.all(routes[Number(req.params.n)]!.map(run));
    reply.type('application/json');
    return JSON.stringify(out);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return app;
}
