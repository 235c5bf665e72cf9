import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleCli, ROOT } from '../scripts/bundle-cli.mjs';
import {
  createPostgresTemplate,
  dropPostgresTemplate,
  PG_TEMPLATE_ENV,
  PGLITE_TEMPLATE_ENV,
  removePgliteTemplate,
  writePgliteTemplate,
} from './db-template.ts';

/**
 * Once per test run: bundles the CLI (the suites start hundreds of CLI processes, and each starts in half the
 * time from a bundle; test/cli.ts finds it through PRODOPS_TEST_CLI, and a test that must run bin/prodops.js
 * itself still does), and migrates the database every test file copies (test/db-template.ts).
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = path.join(ROOT, 'node_modules/.cache/prodops');
  mkdirSync(dir, { recursive: true });
  const outfile = path.join(dir, `cli-${process.pid}.mjs`);
  process.env.PRODOPS_TEST_CLI = await bundleCli(outfile);
  const base = process.env.DATABASE_URL;
  const tarball = path.join(dir, `pglite-template-${process.pid}.tar`);
  if (base) process.env[PG_TEMPLATE_ENV] = await createPostgresTemplate(base);
  else {
    await writePgliteTemplate(tarball);
    process.env[PGLITE_TEMPLATE_ENV] = tarball;
  }
  return async () => {
    rmSync(outfile, { force: true });
    if (base) await dropPostgresTemplate(base, process.env[PG_TEMPLATE_ENV]!);
    else removePgliteTemplate(tarball);
  };
}
