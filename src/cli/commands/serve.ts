import type { Command } from 'commander';
import { systemClock } from '../../shared/clock.ts';
import { withAdminDb } from '../admin-db.ts';
import { UserError } from '../user-error.ts';

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('start the web app and API (PORT, HOST, PRODOPS_DATA_DIR or DATABASE_URL)')
    .option('--no-demo', 'do not load the demo org into an empty database')
    .action(async (opts: { demo: boolean }) => {
      const [{ loadConfig }, { startServer }] = await Promise.all([
        import('../../config/env.ts'),
        import('../../boot/main.ts'),
      ]);
      const config = loadConfig();
      await startServer(opts.demo ? config : { ...config, demo: 'off' });
    });

  program
    .command('demo')
    .description(
      'load the demo org (8 PMs, 5 pods, areas, stakeholders, tickets, history) into an empty database',
    )
    .action(async () => {
      const { demoSignInLines, seedDemoIfEmpty } = await import('../../services/setup/demo.ts');
      await withAdminDb(async ({ db }) => {
        const seeded = await seedDemoIfEmpty(db, systemClock.now());
        if (!seeded)
          throw new UserError(
            'prodops: the database already has people; the demo only loads into an empty org',
          );
        console.log(`Loaded the demo org: ${seeded.people} people. Sign in as any of them:`);
        for (const line of demoSignInLines()) console.log(line);
      });
    });

  program
    .command('migrate')
    .description('apply database migrations (the server also does this at start)')
    .action(async () => {
      const { runMigrations } = await import('../../db/client.ts');
      await withAdminDb(
        async (database, target) => {
          await runMigrations(target, database);
          console.log('Database is up to date.');
        },
        { migrate: false },
      );
    });
}
