import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // test/postgres needs a PostgreSQL server: it belongs to the DATABASE_URL run only. The CLI tests start
    // the CLI on data dirs of their own (embedded database, DATABASE_URL removed), so a DATABASE_URL run would
    // repeat the PGlite run's work exactly: they belong to the PGlite runs only.
    exclude: process.env.DATABASE_URL
      ? [...configDefaults.exclude, 'src/cli/**/*.test.ts']
      : [...configDefaults.exclude, 'test/postgres/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
