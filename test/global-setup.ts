import { ensureCli } from '../scripts/bundle-cli.mjs';

/**
 * Makes sure the CLI's bundle (dist/cli, what bin/prodops.js runs) is built for the current sources before the
 * suites start hundreds of CLI processes, so none of them builds it. Test processes find it through
 * PRODOPS_TEST_CLI (see test/cli.ts); a test that must run bin/prodops.js itself still does.
 */
export default async function setup(): Promise<void> {
  process.env.PRODOPS_TEST_CLI = (await ensureCli()).entry;
}
