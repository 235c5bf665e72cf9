import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureCli, ROOT } from '../scripts/bundle-cli.mjs';
import {
  createPostgresTemplate,
  dropPostgresTemplate,
  PG_TEMPLATE_ENV,
  PGLITE_TEMPLATE_ENV,
  removePgliteTemplate,
  writePgliteTemplate,
} from './db-template.ts';

/**
 * Once per test run: makes sure the CLI's bundle (dist/cli, what bin/prodops.js runs) is built for the current
 * sources before the suites start hundreds of CLI processes, so none of them builds it (test/cli.ts finds it
 * through PRODOPS_TEST_CLI; a test that must run bin/prodops.js itself still does), and migrates the database
 * every test file copies (test/db-template.ts).
 */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.PRODOPS_TEST_CLI = (await ensureCli()).entry;
  const dir = path.join(ROOT, 'node_modules/.cache/prodops');
  mkdirSync(dir, { recursive: true });
  const base = process.env.DATABASE_URL;
  const tarball = path.join(dir, `pglite-template-${process.pid}.tar`);
  if (base) process.env[PG_TEMPLATE_ENV] = await createPostgresTemplate(base);
  else {
    await writePgliteTemplate(tarball);
    process.env[PGLITE_TEMPLATE_ENV] = tarball;
  }
  return async () => {
    if (base) await dropPostgresTemplate(base, process.env[PG_TEMPLATE_ENV]!);
    else removePgliteTemplate(tarball);
  };
}
