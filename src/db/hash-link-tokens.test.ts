import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, MIGRATIONS_DIR, openDatabase, rowsOf } from './client.ts';

/** As the app hashes tokens (services/auth/tokens.ts), which db may not import. */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Migration 0028 hashes the private links already handed out in place, so they keep working, and takes their
 * tokens out of the stored copies of messages. Run on a database migrated to 0027 holding such links.
 */

let database: Database;
let before: string;
const CAL = 'calendar-token-0123456789';
const UNSUB = 'unsubscribe-token-0123456789';
const READY = 'readiness-token-0123456789';

const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(query));

beforeAll(async () => {
  // The migrations up to 0027: the journal without its last entry.
  before = mkdtempSync(path.join(tmpdir(), 'prodops-0027-'));
  cpSync(MIGRATIONS_DIR, before, { recursive: true });
  const journalPath = path.join(before, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  expect(journal.entries.at(-1)!.tag).toBe('0028_hash-link-tokens');
  journal.entries.pop();
  writeFileSync(journalPath, JSON.stringify(journal));
  database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(database.db as never, { migrationsFolder: before });

  const [person] = await q<{ id: string }>(
    sql`insert into people (name, email, function) values ('Carla', 'carla@example.com', 'support') returning id`,
  );
  const [release] = await q<{ id: string }>(
    sql`insert into releases (title, target_date) values ('Usage billing', '2027-01-15') returning id`,
  );
  await database.db.execute(sql`insert into person_prefs (person_id, calendar_token, unsubscribe_token)
    values (${person!.id}, ${CAL}, ${UNSUB})`);
  await database.db.execute(sql`insert into readiness_links (token, release_id, person_id, kind)
    values (${READY}, ${release!.id}, ${person!.id}, 'support')`);
  const message = JSON.stringify({
    title: 'Enablement bundle',
    summary: 'Confirm you are ready.',
    actions: [
      { label: "I'm ready (Support)", url: `/ready/${READY}` },
      { label: 'Open', url: `/releases/${release!.id}` },
    ],
  });
  await database.db.execute(sql`insert into inbox_items (person_id, kind, message)
    values (${person!.id}, 'enablement_bundle', ${message}::jsonb)`);
  await database.db.execute(sql`insert into outbox (idempotency_key, kind, ref, channel, address, person_id, message)
    values ('k', 'enablement_bundle', 'r', 'email', 'carla@example.com', ${person!.id}, ${message}::jsonb)`);
  await migrate(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
}, 120_000);
afterAll(async () => {
  await database?.close();
  rmSync(before, { recursive: true, force: true });
});

describe('migration 0028 (hash-link-tokens)', () => {
  it("keeps each link's hash, as the app computes it, and no token", async () => {
    const [prefs] = await q<{ calendar_token_hash: string }>(sql`select * from person_prefs`);
    expect(prefs!.calendar_token_hash).toBe(sha256(CAL));
    expect(await q(sql`select token_hash from unsubscribe_tokens`)).toEqual([{ token_hash: sha256(UNSUB) }]);
    expect(await q(sql`select token_hash from readiness_links`)).toEqual([{ token_hash: sha256(READY) }]);
  });

  it('rewrites the stored messages\' "I\'m ready" to its release and function, keeping other actions', async () => {
    for (const table of ['inbox_items', 'outbox']) {
      const [row] = await q<{ message: { actions: unknown[] } }>(sql.raw(`select message from ${table}`));
      const [release] = await q<{ id: string }>(sql`select id from releases`);
      expect(row!.message.actions, table).toEqual([
        {
          label: "I'm ready (Support)",
          url: `/releases/${release!.id}`,
          readiness: { releaseId: release!.id, kind: 'support' },
        },
        { label: 'Open', url: `/releases/${release!.id}` },
      ]);
    }
    const all = await q<{ t: string }>(
      sql`select string_agg(t::text, '|') as t from (select message::text as t from inbox_items union all select message::text from outbox) x`,
    );
    expect(all[0]!.t).not.toContain(READY);
  });
});
