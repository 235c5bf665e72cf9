import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/db/client.ts';
import { seedDemoIfEmpty } from '../../src/services/setup/demo.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { getJson, listAll, type RunningServer, startServe } from '../cli.ts';
import { createServerDatabase, createTestDb } from '../db.ts';

/**
 * Several app instances on one PostgreSQL database, started at the same moment on an empty database:
 * migrations run once (advisory lock) and the demo org is seeded once. Included by vitest.config.ts only
 * when DATABASE_URL is set.
 */

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) throw new Error('test/postgres needs DATABASE_URL (vitest.config.ts only includes it then)');

let database: { url: string; drop(): Promise<void> };
const servers: RunningServer[] = [];

beforeAll(async () => {
  database = await createServerDatabase(baseUrl);
  const env = { DATABASE_URL: database.url, PRODOPS_DEMO: 'on' };
  const started = await Promise.allSettled([startServe(env), startServe(env)]);
  for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

/** What one seeding of the demo org gives, measured on a database of its own. */
async function peopleInOneSeeding(): Promise<number> {
  const db = await createTestDb();
  try {
    const seeded = await seedDemoIfEmpty(db.db, systemClock.now());
    if (!seeded) throw new Error('a fresh database was not empty');
    return seeded.people;
  } finally {
    await db.close();
  }
}

describe('two instances started together on one empty PostgreSQL database', () => {
  it('both serve, on different ports', () => {
    expect(servers).toHaveLength(2);
    expect(servers[0]!.url).not.toBe(servers[1]!.url);
  });

  it('seeded the demo org exactly once', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    expect([a, b].filter((s) => s.output().includes('Loaded the demo org')).length).toBe(1);

    const signIn = await fetch(`${a.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'priya@example.com', password: 'prodops-demo' }),
    });
    expect(signIn.status).toBe(200);
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith('prodops_session='));
    expect(session).toBeDefined();
    // The session lives in the database, so the other instance knows it.
    const auth = { cookie: session!.split(';')[0]! };
    const me = await getJson<{ email: string }>(`${b.url}/api/v1/me`, auth);
    expect(me.email).toBe('priya@example.com');

    const peopleB = await listAll<{ email: string }>(`${b.url}/api/v1/people`, auth);
    const peopleA = await listAll<{ email: string }>(`${a.url}/api/v1/people`, auth);
    const emails = peopleB.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(peopleA.map((p) => p.email).sort()).toEqual([...emails].sort());
    expect(emails.length).toBe(await peopleInOneSeeding());

    for (const s of [a, b]) {
      expect(await listAll(`${s.url}/api/v1/pods`, auth)).toHaveLength(5);
      expect(await listAll(`${s.url}/api/v1/areas`, auth)).toHaveLength(8);
    }
  });

  it('applied each migration once', async () => {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number; hashes: number }>(
        'select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations',
      );
      expect(rows[0]).toEqual({ n: journal.entries.length, hashes: journal.entries.length });
    } finally {
      await client.end();
    }
  });
});
