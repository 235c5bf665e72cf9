import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleCli, ROOT } from '../scripts/bundle-cli.mjs';

/**
 * Bundles the CLI once per test run: the suites start hundreds of CLI processes, and each starts in half the
 * time from a bundle. Test processes find it through PRODOPS_TEST_CLI (see test/cli.ts); a test that must run
 * bin/prodops.js itself still does.
 */
export default async function setup(): Promise<() => void> {
  const dir = path.join(ROOT, 'node_modules/.cache/prodops');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `cli-${process.pid}.mjs`);
  process.env.PRODOPS_TEST_CLI = await bundleCli(outfile);
  return () => rmSync(outfile, { force: true });
}
