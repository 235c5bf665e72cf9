import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { auditLog, trackerConnections } from '../../db/schema/index.ts';
import { manualClock } from '../../shared/clock.ts';
import { systemActor } from '../actor.ts';
import { connectionView, trackerConnection } from '../trackers/connection.ts';
import { exportOrg, importOrg, orgFileToYaml } from './org-file.ts';

/** Issue 18: tracker connections declared in the org file, their secrets named by environment variable. */
const clock = manualClock('2026-12-01T09:00:00Z');
const actor = systemActor('test');
const GH_TOKEN = 'ghp_orgfiletoken0123456789';
const GH_SECRET = 'github-hook-secret-from-env';
const ENV = { GITHUB_TOKEN: GH_TOKEN, GITHUB_HOOK_SECRET: GH_SECRET, LINEAR_KEY: 'lin_api_orgfile0123' };

let d: TestDatabase;
beforeAll(async () => {
  d = await createTestDb({ now: clock.now() });
});
afterAll(() => d.close());

const apply = (doc: unknown, env: Record<string, string | undefined> = ENV, dryRun = false) =>
  importOrg({ db: d.db, actor, now: clock.now(), text: stringify(doc), env, dryRun });
const audits = async () =>
  (await d.db.select().from(auditLog).where(eq(auditLog.entityType, 'tracker_connection'))).length;
const connections = async () => JSON.stringify(await d.db.select().from(trackerConnections));

const GOOD = {
  version: 1,
  trackers: {
    github: {
      apiUrl: 'https://github.example.com/api/v3/',
      bugLabel: 'type: bug',
      feedbackLabel: 'from-customers',
      tokenEnv: 'GITHUB_TOKEN',
      webhookSecretEnv: 'GITHUB_HOOK_SECRET',
    },
    linear: { tokenEnv: 'LINEAR_KEY' },
  },
};

describe('trackers in the org file', () => {
  it('refuses a file whose secrets are not in the environment, naming the field and the variable', async () => {
    const before = await connections();
    const result = await apply(GOOD, { GITHUB_TOKEN: GH_TOKEN, GITHUB_HOOK_SECRET: '  ' });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      ['trackers.github.webhookSecretEnv', 'the environment variable GITHUB_HOOK_SECRET is not set'],
      ['trackers.linear.tokenEnv', 'the environment variable LINEAR_KEY is not set'],
    ]);
    for (const p of result.problems) expect(p.line).toBeGreaterThan(0);
    expect(await connections()).toBe(before);
  });

  it('sets the connections from the file and the environment; the file and the audit never hold a secret', async () => {
    const result = await apply(GOOD);
    expect(result).toMatchObject({ ok: true, summary: { created: 2, updated: 0 } });
    if (!result.ok) return;
    expect(result.summary.details).toEqual(['created tracker GitHub', 'created tracker Linear']);
    const github = await trackerConnection(d.db, 'github');
    expect(github).toMatchObject({
      apiUrl: 'https://github.example.com/api/v3',
      token: GH_TOKEN,
      webhookSecret: GH_SECRET,
      bugLabel: 'type: bug',
      feedbackLabel: 'from-customers',
    });
    expect(connectionView('linear', await trackerConnection(d.db, 'linear'))).toMatchObject({
      connected: true,
      apiUrl: 'https://api.linear.app/graphql',
      token: 'set',
      webhookSecret: 'not set',
    });
    const audit = JSON.stringify(await d.db.select().from(auditLog));
    expect(audit).not.toContain(GH_TOKEN);
    expect(audit).not.toContain(GH_SECRET);

    const exported = orgFileToYaml(await exportOrg(d.db, clock.now()));
    expect(exported).not.toContain(GH_TOKEN);
    expect(exported).not.toContain(GH_SECRET);
    expect(parse(exported).trackers).toEqual({
      github: {
        apiUrl: 'https://github.example.com/api/v3',
        bugLabel: 'type: bug',
        feedbackLabel: 'from-customers',
      },
      linear: {
        apiUrl: 'https://api.linear.app/graphql',
        bugLabel: 'Bug',
        feedbackLabel: 'customer-feedback',
      },
    });
  });

  it('is idempotent: the same file and environment change nothing; a new token in the environment does', async () => {
    const n = await audits();
    const again = await apply(GOOD);
    expect(again).toMatchObject({ ok: true, summary: { created: 0, updated: 0, unchanged: 2 } });
    expect(await audits()).toBe(n);
    // The export (no secrets named) applies without touching the stored secrets.
    const exported = await importOrg({
      db: d.db,
      actor,
      now: clock.now(),
      text: orgFileToYaml(await exportOrg(d.db, clock.now())),
    });
    expect(exported).toMatchObject({ ok: true, summary: { updated: 0, created: 0 } });
    expect((await trackerConnection(d.db, 'github'))?.token).toBe(GH_TOKEN);
    expect(await audits()).toBe(n);

    const rotated = await apply(GOOD, { ...ENV, GITHUB_TOKEN: 'ghp_rotated0123456789' });
    expect(rotated).toMatchObject({ ok: true, summary: { updated: 1, unchanged: 1 } });
    expect((await trackerConnection(d.db, 'github'))?.token).toBe('ghp_rotated0123456789');
    expect(await audits()).toBe(n + 1);
    const dry = await apply(GOOD, ENV, true);
    expect(dry).toMatchObject({ ok: true, summary: { updated: 1 } });
    expect((await trackerConnection(d.db, 'github'))?.token).toBe('ghp_rotated0123456789');
  });

  it('names each bad field: unknown keys, a secret written in the file, a bad URL, variable name or token', async () => {
    const before = await connections();
    const result = await apply(
      {
        version: 1,
        trackers: {
          github: { apiUrl: 'ftp://github.example.com', bugLable: 'bug', token: 'ghp_inthefile0123456789' },
          jira: { tokenEnv: 'JIRA_TOKEN', webhookSecretEnv: 'not a name!' },
          gitlab: { apiUrl: 'https://gitlab.example.com' },
        },
      },
      { JIRA_TOKEN: 'only-a-token-no-email' },
    );
    if (result.ok) throw new Error('expected problems');
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath).toEqual({
      'trackers.github.apiUrl': 'must be an http(s) URL',
      'trackers.github.bugLable': 'is not a known field',
      'trackers.github.token': expect.stringMatching(/secrets stay out of the file.*tokenEnv/),
      'trackers.jira.webhookSecretEnv': 'must be the name of an environment variable, as GITHUB_TOKEN',
      'trackers.gitlab': 'is not a known field',
    });
    expect(JSON.stringify(result.problems)).not.toContain('ghp_inthefile');
    for (const p of result.problems) expect(p.line).toBeGreaterThan(0);
    expect(await connections()).toBe(before);
  });

  it("checks a secret's value by the tracker's rules, and that a Jira site is known", async () => {
    const result = await apply(
      { version: 1, trackers: { jira: { tokenEnv: 'JIRA_TOKEN', bugLabel: 'Defect' } } },
      { JIRA_TOKEN: 'only-a-token-no-email' },
    );
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.map((p) => [p.path, p.message])).toEqual([
      [
        'trackers.jira.tokenEnv',
        'JIRA_TOKEN: must be email:API token (the Atlassian account and its API token)',
      ],
      ['trackers.jira.apiUrl', 'is required: the Jira site, as https://acme.atlassian.net'],
    ]);
    expect(JSON.stringify(result.problems)).not.toContain('only-a-token');
    expect(await trackerConnection(d.db, 'jira')).toBeNull();

    const fixed = await apply(
      {
        version: 1,
        trackers: { jira: { apiUrl: 'https://acme.atlassian.net', tokenEnv: 'JIRA_TOKEN' } },
      },
      { JIRA_TOKEN: 'ops@acme.example:ATATT3xOrgFile' },
    );
    expect(fixed).toMatchObject({ ok: true, summary: { created: 1 } });
    expect(await trackerConnection(d.db, 'jira')).toMatchObject({
      apiUrl: 'https://acme.atlassian.net',
      token: 'ops@acme.example:ATATT3xOrgFile',
      bugLabel: 'Bug',
    });
  });
});
