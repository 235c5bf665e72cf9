import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint, ROOT } from '../scripts/bundle-cli.mjs';

/** A source tree of its own: the fingerprint is read from files, and this test changes them. */
function tree() {
  const root = mkdtempSync('/tmp/pd-fp-');
  mkdirSync(path.join(root, 'src/cli'), { recursive: true });
  mkdirSync(path.join(root, 'src/web'), { recursive: true });
  writeFileSync(path.join(root, 'src/cli/index.ts'), 'export const a = 1;\n');
  writeFileSync(path.join(root, 'src/cli/other.ts'), 'export const b = 2;\n');
  return root;
}

describe('the CLI bundle is rebuilt when its sources change', () => {
  const root = tree();
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const fp = () => fingerprint({ root, inputs: ['src'] });

  it('keeps its fingerprint while nothing changes, and changes it on an edit, a new file or a removed one', () => {
    const before = fp();
    expect(fp()).toBe(before);

    writeFileSync(path.join(root, 'src/cli/index.ts'), 'export const a = 10;\n');
    const edited = fp();
    expect(edited).not.toBe(before);

    // Same size, older mtime (a checkout, a restore): still a change.
    writeFileSync(path.join(root, 'src/cli/index.ts'), 'export const a = 11;\n');
    utimesSync(path.join(root, 'src/cli/index.ts'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const touched = fp();
    expect(touched).not.toBe(edited);

    writeFileSync(path.join(root, 'src/cli/new.ts'), 'export {};\n');
    const added = fp();
    expect(added).not.toBe(touched);

    rmSync(path.join(root, 'src/cli/other.ts'));
    expect(fp()).not.toBe(added);
  });

  it('ignores the web app and tests, which are not in the bundle', () => {
    const before = fp();
    writeFileSync(path.join(root, 'src/web/page.tsx'), 'export {};\n');
    writeFileSync(path.join(root, 'src/cli/index.test.ts'), 'export {};\n');
    expect(fp()).toBe(before);
  });
});

describe('bin/prodops.js from a fresh build', () => {
  // Inside the repository, so the bundle's package imports resolve from node_modules; .tmp/ is ignored by git.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const buildDir = mkdtempSync(path.join(ROOT, '.tmp/cli-'));
  afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
  const help = () =>
    spawnSync(process.execPath, [path.join(ROOT, 'bin/prodops.js'), '--help'], {
      cwd: ROOT,
      env: { ...process.env, PRODOPS_CLI_BUILD_DIR: buildDir },
      encoding: 'utf8',
    });

  it('builds the bundle on the first run, then runs it without building', () => {
    const first = help();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('building the CLI');
    expect(first.stdout).toContain('Usage: prodops');
    expect(first.stdout).toMatch(/serve \[options\]/);
    const builds = readdirSync(buildDir).filter((n) => !n.startsWith('.'));
    expect(builds).toEqual([fingerprint()]);
    expect(readdirSync(path.join(buildDir, builds[0]!))).toEqual(
      expect.arrayContaining(['prodops.mjs', 'tag-worker.mjs', 'pglite-worker.mjs']),
    );

    const second = help();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
  });
});
