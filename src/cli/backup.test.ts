import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getJson, startServe, useDataDir } from '../../test/cli.ts';

describe('prodops backup and restore on the embedded database', () => {
  const original = useDataDir();
  const copy = useDataDir();

  it('backs up a running server, restores into an empty data dir, and the copy answers the same', async () => {
    const file = path.join(original.dir, 'org.backup');
    const server = await startServe(original.env);
    let releases: unknown;
    let headers: Record<string, string>;
    try {
      const token = await original.cli(['token', 'create', '--email', 'priya@example.com']);
      headers = { authorization: `Bearer ${token.stdout.trim()}` };
      const made = await original.cli(['backup', file]);
      expect(made.stderr).toBe('');
      expect(made.stdout).toMatch(/^backed up \d+ tables, [\d,]+ rows to /);
      const refused = await original.cli(['restore', file]);
      expect(refused.stderr).toMatch(/is running on .*: stop it before restoring/);
      releases = await getJson(`${server.url}/api/v1/releases`, headers);
    } finally {
      await server.stop();
    }

    const restored = await copy.cli(['restore', file]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/every table's row count and checksum equal the backup's/);
    const again = await copy.cli(['restore', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds data .*pass --replace/);
    expect((await copy.cli(['restore', file, '--replace'])).code).toBe(0);
    const notOne = await copy.cli(['restore', path.join(original.dir, 'pgdata', 'PG_VERSION')]);
    expect(notOne.stderr).toMatch(/is not a prodops backup/);

    const served = await startServe(copy.env, ['--no-demo']);
    try {
      expect(await getJson(`${served.url}/api/v1/releases`, headers)).toEqual(releases);
    } finally {
      await served.stop();
    }
    // Two servers and six CLI runs on the embedded database.
  }, 300_000);
});
