import { Worker } from 'node:worker_threads';
import {
  messages,
  type PGlite,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';
import { query as templateQuery } from '@electric-sql/pglite/template';

/** What the product asks of the embedded database below the ORM: PGlite's own methods, on either thread. */
export interface EmbeddedPglite {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
  dumpDataDir(compression?: Compression): Promise<File | Blob>;
  close(): Promise<void>;
}

type Compression = Parameters<PGlite['dumpDataDir']>[0];
/** Query options that cross the thread: `raw` lists the types the caller parses itself. */
export type SentOptions = Omit<QueryOptions, 'parsers' | 'serializers' | 'onNotice'> & { raw?: number[] };

export interface WorkerStart {
  dataDir: string | null;
  loadDataDir?: Blob | File;
}
export type Request = { id: number } & (
  | { op: 'query'; sql: string; params?: unknown[]; options?: SentOptions; tx?: number; urgent?: boolean }
  | { op: 'exec'; sql: string; options?: SentOptions; tx?: number }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'rollback'; tx: number }
  | { op: 'dump'; compression?: Compression }
  | { op: 'share'; dataDir: string }
  | { op: 'unshare' }
  | { op: 'close' }
);
export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: Record<string, unknown> };
type Sent = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** A PostgreSQL error keeps its class and fields (code, detail, constraint…): the error handler maps them. */
function errorOf(plain: Record<string, unknown>): Error {
  const message = String(plain.message);
  const err =
    typeof plain.code === 'string'
      ? new messages.DatabaseError(message, Number(plain.length ?? 0), 'error')
      : new Error(message);
  Object.assign(err, plain);
  return err;
}

function sendable(options: QueryOptions | undefined): SentOptions | undefined {
  if (!options) return undefined;
  const { parsers, serializers, onNotice, ...rest } = options;
  // Functions cannot cross the thread; drizzle passes parsers only, which run here on the answer.
  if (serializers || onNotice) throw new Error('PGlite on a worker thread takes no serializers or onNotice');
  return { ...rest, raw: parsers ? Object.keys(parsers).map(Number) : undefined };
}

/** Applies the caller's parsers to the text the worker left for them (it skips nulls, as PGlite does). */
function parsed<R extends Pick<Results, 'fields'> & { rows: unknown[] }>(
  result: R,
  options?: QueryOptions,
): R {
  const parsers = options?.parsers;
  if (!parsers) return result;
  const byKey = new Map<string | number, { parse: (v: string, oid: number) => unknown; oid: number }>();
  result.fields.forEach((f, i) => {
    const parse = parsers[f.dataTypeID];
    const key = options.rowMode === 'array' ? i : f.name;
    if (parse) byKey.set(key, { parse, oid: f.dataTypeID });
    else byKey.delete(key);
  });
  if (byKey.size === 0) return result;
  for (const row of result.rows as Record<string | number, unknown>[])
    for (const [key, { parse, oid }] of byKey)
      if (row[key] != null) row[key] = parse(row[key] as string, oid);
  return result;
}

/** The embedded database on a worker thread (pglite-worker.ts), so its WASM never stalls the event loop. */
export class WorkerPglite implements EmbeddedPglite {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  #next = 0;
  #failure: Error | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: Reply) => {
      const w = this.#waiting.get(m.id);
      if (!w) return;
      this.#waiting.delete(m.id);
      if (this.#waiting.size === 0) worker.unref();
      if (m.ok) w.resolve(m.value);
      else w.reject(errorOf(m.error));
    });
    worker.on('error', (err) => this.#fail(err));
    worker.on('exit', (code) => this.#fail(new Error(`the database worker stopped (exit ${code})`)));
    worker.unref();
  }

  static async open(start: WorkerStart): Promise<WorkerPglite> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: start });
    await new Promise<void>((resolve, reject) => {
      const settle = (err?: Error) => {
        worker.off('error', settle).off('exit', stopped).off('message', ready);
        if (err) reject(err);
        else resolve();
      };
      const stopped = (code: number) => settle(new Error(`the database worker stopped (exit ${code})`));
      const ready = (m: { ready?: boolean }) => {
        if (m.ready) settle();
      };
      worker.on('error', settle).on('exit', stopped).on('message', ready);
    });
    return new WorkerPglite(worker);
  }

  #fail(err: Error) {
    this.#failure = err;
    for (const w of this.#waiting.values()) w.reject(err);
    this.#waiting.clear();
  }

  #call(request: Sent): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#next += 1;
    const id = this.#next;
    // A pending answer keeps the process alive; an idle database does not (as PGlite on one thread).
    if (this.#waiting.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  async #query<T>(
    tx: number | undefined,
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Results<T>> {
    const result = await this.#call({ op: 'query', sql, params, options: sendable(options), tx });
    return parsed(result as Results<T>, options);
  }

  async #exec(tx: number | undefined, sql: string, options?: QueryOptions) {
    const results = (await this.#call({ op: 'exec', sql, options: sendable(options), tx })) as Results[];
    return results.map((r) => parsed(r, options));
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(undefined, sql, params, options);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#exec(undefined, sql, options);
  }

  /** A liveness probe: `select 1` ahead of the statements queued for the worker (not ahead of a transaction). */
  async ping(): Promise<void> {
    await this.#call({ op: 'query', sql: 'select 1', urgent: true });
  }

  /** The worker holds the transaction open while `callback` sends statements tagged with it. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = (await this.#call({ op: 'begin' })) as number;
    let closed = false;
    const open = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    const tx: Transaction = {
      query: async <T>(sql: string, params?: unknown[], options?: QueryOptions) => {
        open();
        return this.#query<T>(id, sql, params, options);
      },
      sql: async <T>(strings: TemplateStringsArray, ...params: unknown[]) => {
        open();
        const q = templateQuery(strings, ...params);
        return this.#query<T>(id, q.query, q.params);
      },
      exec: async (sql, options) => {
        open();
        return this.#exec(id, sql, options);
      },
      rollback: async () => {
        open();
        await this.#call({ op: 'rollback', tx: id });
        closed = true;
      },
      listen: async () => {
        throw new Error('LISTEN is not available on the worker-thread database');
      },
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (err) {
      closed = true;
      await this.#call({ op: 'end', tx: id, commit: false });
      throw err;
    }
    closed = true;
    await this.#call({ op: 'end', tx: id, commit: true });
    return result;
  }

  async dumpDataDir(compression?: Compression): Promise<File | Blob> {
    return (await this.#call({ op: 'dump', compression })) as Blob;
  }

  /** Serves the database to CLI processes from the worker (embedded.ts shareOverSocket runs there). */
  async shareOverSocket(dataDir: string): Promise<{ stop(): Promise<void> }> {
    await this.#call({ op: 'share', dataDir });
    return { stop: async () => void (await this.#call({ op: 'unshare' })) };
  }

  async close(): Promise<void> {
    if (this.#failure) return;
    await this.#call({ op: 'close' });
    this.#worker.removeAllListeners('exit');
    this.#failure = new Error('the database is closed');
    await this.#worker.terminate();
  }
}
