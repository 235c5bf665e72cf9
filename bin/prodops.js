#!/usr/bin/env node
// Runs the CLI from its esbuild bundle in dist/cli, building it first when src changed since the last build
// (scripts/bundle-cli.mjs), so a start does not compile TypeScript. If the build cannot be made (esbuild
// missing, dist not writable) it says why and runs the sources through tsx instead: slower, same behaviour.
import { pathToFileURL } from 'node:url';
import { ensureCli } from '../scripts/bundle-cli.mjs';

let entry = null;
try {
  entry = (await ensureCli({ log: (line) => console.error(line) })).entry;
} catch (err) {
  console.error(
    `prodops: could not build the CLI (${err instanceof Error ? err.message : String(err)}); running it through tsx`,
  );
}
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
