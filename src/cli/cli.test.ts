import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { getJson, listAll, type RunningServer, runCli, startServe, useDataDir } from '../../test/cli.ts';
import type { TOrgFile } from '../shared/org-file.ts';

/**
 * The CLI as users run it: real processes on real data dirs, started from the bundle of this run (see
 * test/global-setup.ts) and, for the first test, from bin/prodops.js itself. Each describe block owns one temp
 * data dir; its tests run in order on it (a process start costs 1–2 s, so they share).
 */

const expectOk = (r: { code: number | null; stdout: string; stderr: string }) => {
  expect(r.code, `exit code; stderr: ${r.stderr}`).toBe(0);
  return r;
};

describe('prodops --help', () => {
  it('runs from bin/prodops.js (the TypeScript sources through tsx) and prints the package version', async () => {
    const r = expectOk(await runCli(['--version'], { entry: 'bin' }));
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(r.stdout.trim()).toBe(version);
  });

  it('lists every command', async () => {
    const r = expectOk(await runCli(['--help']));
    for (const cmd of ['serve', 'demo', 'migrate', 'doctor', 'org', 'token', 'user']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${cmd}\\b`, 'm'));
    }
  });
});

describe('admin commands with no server running', () => {
  const data = useDataDir();

  it('adds an admin with a password read from stdin, then prints an API token for them', async () => {
    const added = expectOk(
      await data.cli(
        [
          ...'user add --email Root@Example.com --role admin --password-stdin'.split(' '),
          '--name',
          'Root Admin',
        ],
        'a long enough password\n',
      ),
    );
    expect(added.stdout).toContain('Added Root Admin <root@example.com> as admin (can sign in)');
    const token = expectOk(
      await data.cli(['token', 'create', '--email', 'root@example.com', '--name', 'ci']),
    );
    expect(token.stdout.trim()).toMatch(/^pdo_[A-Za-z0-9_-]{20,}$/);
  });

  it('rejects bad input naming the flag, and adds nobody', async () => {
    const badEmail = await data.cli('user add --email not-an-email --name X --role pm'.split(' '));
    expect(badEmail.code).not.toBe(0);
    expect(badEmail.stderr).toMatch(/--email: .*email address/);
    const badRole = await data.cli('user add --email x@example.com --name X --role pm,wizard'.split(' '));
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toMatch(/--role: "wizard" is not a role/);
    const missing = await data.cli(['token', 'create', '--email', 'x@example.com']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/x@example\.com/);
  });
});

describe('prodops demo', () => {
  const data = useDataDir();

  it('loads the demo org into an empty data dir and refuses the second time', async () => {
    const first = expectOk(await data.cli(['demo']));
    expect(first.stdout).toMatch(/Loaded the demo org: \d+ people/);
    expect(first.stdout).toContain('prodops-demo');
    expect(first.stdout).toContain('Erik Berg — Leadership (exec) — erik@example.com');
    const second = await data.cli(['demo']);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('already has people; the demo only loads into an empty org');
    expect(second.stdout).not.toContain('Loaded');
  });

  it('doctor reports the configuration, database and migrations as good', async () => {
    const r = await data.cli(['doctor']);
    expect(r.stdout).toMatch(/^✓ configuration .*valid$/m);
    expect(r.stdout).toMatch(/^✓ database reachable: embedded database in \/tmp\/pd-/m);
    expect(r.stdout).toMatch(/^✓ migrations: (\d+) of \1 applied$/m);
    // Only the web build (not part of this test) may be missing; the exit code says so.
    const bad = r.stdout.split('\n').filter((l) => l.startsWith('✗'));
    expect(bad.every((l) => l.includes('web app built'))).toBe(true);
    expect(r.code).toBe(bad.length === 0 ? 0 : 1);
  });
});

describe('admin commands while a server runs on the same data dir', () => {
  const data = useDataDir();
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('prints the demo sign-ins on start', () => {
    expect(server.output()).toContain('Loaded the demo org');
    // Every persona by name, what they are, and how to sign in.
    expect(server.output()).toContain('Sam Rivera — Sales — sam@example.com');
    expect(server.output()).toContain('Hana Okafor — Head of Product — hana@example.com');
    expect(server.output()).toContain('password is "prodops-demo"');
  });

  it('creates a token through the server, and the server accepts it', async () => {
    const r = expectOk(await data.cli(['token', 'create', '--email', 'sam@example.com']));
    const token = r.stdout.trim();
    expect(token).toMatch(/^pdo_/);
    const me = await getJson<{ email: string; roles: string[] }>(`${server.url}/api/v1/me`, {
      authorization: `Bearer ${token}`,
    });
    expect(me.email).toBe('sam@example.com');
    expect(me.roles).toEqual(['stakeholder']);
    const nope = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}x` } });
    expect(nope.status).toBe(401);
  });

  it('exports the org and imports a change the server then serves', async () => {
    const out = expectOk(await data.cli(['org', 'export'])).stdout;
    const doc = parse(out) as TOrgFile;
    expect(doc.people?.map((p) => p.email)).toContain('sam@example.com');
    expect(doc.pods).toHaveLength(5);
    doc.areas!.find((a) => a.slug === 'search')!.name = 'Search & Discovery';
    const file = path.join(data.dir, 'org.yaml');
    writeFileSync(file, stringify(doc));
    expect(expectOk(await data.cli(['org', 'import', file])).stdout).toContain('updated area search');

    const token = expectOk(await data.cli(['token', 'create', '--email', 'priya@example.com'])).stdout.trim();
    const areas = await listAll<{ slug: string; name: string }>(`${server.url}/api/v1/areas`, {
      authorization: `Bearer ${token}`,
    });
    expect(areas.find((a) => a.slug === 'search')?.name).toBe('Search & Discovery');
  });

  it('adds a user through the server who can then sign in to it', async () => {
    const password = 'another long password';
    expectOk(
      await data.cli(
        ['user', 'add', '--email', 'kai@example.com', '--name', 'Kai', '--role', 'pm', '--password-stdin'],
        password,
      ),
    );
    const res = await fetch(`${server.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kai@example.com', password }),
    });
    expect(res.status).toBe(200);
  });

  it('migrate says the database is up to date (the server migrated it)', async () => {
    const r = await data.cli(['migrate']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Database is up to date.');
    expect(r.code).toBe(0);
  });

  it('refuses to open the data dir in a second server', async () => {
    await expect(startServe({ ...data.env, PRODOPS_DEMO: 'on' })).rejects.toThrow(
      new RegExp(`${data.dir} is in use by another prodops process \\(pid ${server.pid}, server\\)`),
    );
  });
});

describe('org export and import (no server)', () => {
  const data = useDataDir();
  const file = (name: string) => path.join(data.dir, name);
  const exportOrg = async () => expectOk(await data.cli(['org', 'export'])).stdout;
  beforeAll(async () => {
    expectOk(await data.cli(['demo']));
  });

  it('applies an edited file, and re-applying it changes nothing', async () => {
    expectOk(await data.cli(['org', 'export', '-o', file('org.yaml')]));
    const doc = parse(readFileSync(file('org.yaml'), 'utf8')) as TOrgFile;
    doc.areas!.find((a) => a.slug === 'billing')!.name = 'Billing & Invoicing';
    doc.people!.push({
      name: 'Quinn Newton',
      email: 'quinn@example.com',
      function: 'eng',
      roles: ['engineer'],
    });
    // The reporting pod is an engineer short in the demo.
    doc
      .pods!.find((p) => p.slug === 'pod-reporting')!
      .members!.push({ email: 'quinn@example.com', role: 'engineer' });
    writeFileSync(file('edited.yaml'), stringify(doc));

    const dry = expectOk(await data.cli(['org', 'import', file('edited.yaml'), '--dry-run']));
    expect(dry.stdout).toMatch(/Dry run: would apply .*: 1 created, 2 updated/);
    expect(await exportOrg()).not.toContain('quinn@example.com');

    const applied = expectOk(await data.cli(['org', 'import', file('edited.yaml')]));
    expect(applied.stdout).toContain('created person quinn@example.com');
    expect(applied.stdout).toContain('updated area billing');
    expect(applied.stdout).toContain('updated pod pod-reporting');
    expect(applied.stdout).toMatch(/Imported .*edited\.yaml: 1 created, 2 updated, \d+ unchanged\./);

    const after = parse(await exportOrg()) as TOrgFile;
    expect(after.areas!.find((a) => a.slug === 'billing')!.name).toBe('Billing & Invoicing');
    expect(after.people!.find((p) => p.email === 'quinn@example.com')).toMatchObject({
      name: 'Quinn Newton',
    });
    expect(after.pods!.find((p) => p.slug === 'pod-reporting')!.members).toContainEqual({
      email: 'quinn@example.com',
      role: 'engineer',
    });

    const again = expectOk(await data.cli(['org', 'import', file('edited.yaml')]));
    expect(again.stdout).toMatch(/: 0 created, 0 updated, \d+ unchanged\./);
  });

  it('rejects a file with problems whole, naming each path with the file, and changes nothing', async () => {
    const before = await exportOrg();
    const doc = parse(before) as TOrgFile;
    // A valid change alongside the bad ones: it must not be applied either.
    doc.areas!.find((a) => a.slug === 'mobile')!.name = 'Mobile apps';
    doc.pods![0]!.area = 'no-such-area';
    doc.people![3]!.email = 'not an email';
    doc.pods![1]!.members = ['maya', 'leo', 'aisha', 'tom', 'kenji', 'sofia'].map((n) => ({
      email: `${n}@example.com`,
      role: 'pm' as const,
    }));
    const bad = file('bad.yaml');
    writeFileSync(bad, stringify(doc));

    const r = await data.cli(['org', 'import', bad]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).not.toMatch(/Imported/);
    for (const p of ['pods[0].area', 'people[3].email', 'pods[1].members']) {
      const line = r.stderr.split('\n').find((l) => l.includes(`: ${p}: `));
      expect(line, `a line for ${p} in:\n${r.stderr}`).toBeDefined();
      expect(line!.startsWith(`${bad}:`)).toBe(true);
    }
    expect(r.stderr).toMatch(/pods\[0\]\.area: "no-such-area" is not an area/);
    expect(r.stderr).toMatch(/pods\[1\]\.members: has 6 PMs/);
    expect(r.stderr).toContain(`${bad} was not imported (3 problems); nothing was changed`);
    expect(await exportOrg()).toBe(before);
  });

  it('reads tracker secrets from the environment variables the file names, never from the file', async () => {
    const f = file('trackers.yaml');
    writeFileSync(
      f,
      stringify({
        version: 1,
        trackers: { github: { bugLabel: 'type: bug', tokenEnv: 'ORG_FILE_GITHUB_TOKEN' } },
      }),
    );
    const missing = await data.cli(['org', 'import', f]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(
      /trackers\.yaml:\d+: trackers\.github\.tokenEnv: the environment variable ORG_FILE_GITHUB_TOKEN is not set/,
    );
    const env = { ...data.env, ORG_FILE_GITHUB_TOKEN: 'ghp_fromtheenvironment0123' };
    expect(expectOk(await runCli(['org', 'import', f], { env })).stdout).toContain('created tracker GitHub');
    const again = expectOk(await runCli(['org', 'import', f], { env }));
    expect(again.stdout).toMatch(/: 0 created, 0 updated, 1 unchanged\./);
    const exported = await exportOrg();
    expect(parse(exported).trackers.github).toMatchObject({ bugLabel: 'type: bug' });
    expect(exported).not.toContain('ghp_fromtheenvironment');
  });

  it('says which file it cannot read', async () => {
    const r = await data.cli(['org', 'import', file('missing.yaml')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(`cannot read ${file('missing.yaml')}: ENOENT`);
  });
});
