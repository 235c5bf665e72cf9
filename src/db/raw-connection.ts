import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database, DatabaseTarget } from './client.ts';
import type { EmbeddedPglite } from './pglite-thread.ts';

/**
 * One connection below the ORM, for whole-database work (backup, restore): plain statements and COPY. A
 * transaction is the caller's `begin` … `commit` on this one connection, the same on PGlite and a server.
 */
export interface RawConnection {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY … TO STDOUT, chunk by chunk. */
  copyOut(statement: string): AsyncIterable<Buffer>;
  /** COPY … FROM STDIN with the whole of `data`. */
  copyIn(statement: string, data: Buffer): Promise<void>;
  close(): Promise<void>;
}

/** A raw connection to the database `database` was opened on (its own client on a server). */
export async function openRawConnection(database: Database, target: DatabaseTarget): Promise<RawConnection> {
  if (database.kind === 'pglite' && database.pglite) return pgliteConnection(database.pglite);
  if (target.kind !== 'postgres') throw new Error('a server database needs a postgres target');
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return serverConnection(client);
}

function pgliteConnection(pglite: EmbeddedPglite): RawConnection {
  // PGlite has no COPY protocol: it copies to and from a Blob at the virtual path /dev/blob.
  const toBlob = (statement: string) => statement.replace(/\bTO STDOUT$/, "TO '/dev/blob'");
  const fromBlob = (statement: string) => statement.replace(/\bFROM STDIN$/, "FROM '/dev/blob'");
  return {
    query: async <T>(text: string, params?: unknown[]) => (await pglite.query<T>(text, params)).rows,
    async *copyOut(statement) {
      const result = await pglite.query(toBlob(statement));
      if (result.blob) yield Buffer.from(await result.blob.arrayBuffer());
    },
    async copyIn(statement, data) {
      await pglite.query(fromBlob(statement), [], { blob: new Blob([new Uint8Array(data)]) });
    },
    close: async () => {},
  };
}

function serverConnection(client: pg.Client): RawConnection {
  return {
    query: async <T>(text: string, params?: unknown[]) =>
      (await client.query(text, params as unknown[])).rows as T[],
    async *copyOut(statement) {
      yield* client.query(copyTo(statement));
      // The stream ends at CopyDone, before the server's ReadyForQuery: the next statement waits for it.
      if (!(client as unknown as { readyForQuery: boolean }).readyForQuery) await once(client, 'drain');
    },
    copyIn: (statement, data) =>
      new Promise<void>((resolve, reject) => {
        const stream = client.query(copyFrom(statement));
        stream.on('error', reject);
        stream.on('finish', () => resolve());
        stream.end(data);
      }),
    close: () => client.end(),
  };
}
