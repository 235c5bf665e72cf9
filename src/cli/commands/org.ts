import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemClock } from '../../shared/clock.ts';
import { cliActor, withAdminDb } from '../admin-db.ts';
import { readUserFile, UserError } from '../user-error.ts';

export function registerOrgCommands(program: Command): void {
  const org = program
    .command('org')
    .description('the whole org configuration as one YAML file (direct database access)');

  org
    .command('export')
    .description(
      'print the org configuration (settings, people, areas, pods, RACI, rituals, channels, trackers) as YAML',
    )
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (opts: { output?: string }) => {
      const { exportOrg, orgFileToYaml } = await import('../../services/setup/org-file.ts');
      const yaml = await withAdminDb(async ({ db }) => orgFileToYaml(await exportOrg(db, systemClock.now())));
      if (opts.output) writeFileSync(opts.output, yaml);
      else process.stdout.write(yaml);
    });

  org
    .command('import')
    .description(
      'apply an org configuration file; checks everything first and writes nothing if anything is wrong',
    )
    .argument('<file>', 'a YAML (or JSON) file as written by `prodops org export`')
    .option('--dry-run', 'check the file and say what would change, without writing')
    .action(async (file: string, opts: { dryRun?: boolean }) => {
      const text = readUserFile(file);
      const [{ loadConfig }, { planAhead }, { importOrg }, { replanOpenCycles }] = await Promise.all([
        import('../../config/env.ts'),
        import('../../services/cadence/occurrences.ts'),
        import('../../services/setup/org-file.ts'),
        import('../../services/updates/cycles.ts'),
      ]);
      const result = await withAdminDb(async ({ db }) => {
        const imported = await importOrg({
          db,
          actor: cliActor(),
          now: systemClock.now(),
          text,
          dryRun: opts.dryRun,
          allowAnyWebhookHost: loadConfig().delivery.slackWebhookAnyHost,
          // Tracker secrets are named in the file (tokenEnv) and read from this process's environment.
          env: process.env,
        });
        // New settings (time zone, holidays) move occurrences: re-plan now, not at the nightly plan.
        if (imported.ok && !opts.dryRun) {
          await planAhead(db, systemClock.now());
          await replanOpenCycles(db, systemClock.now());
        }
        return imported;
      });
      if (!result.ok) {
        const lines = result.problems.map(
          (p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path}: ${p.message}`,
        );
        throw new UserError(
          `${lines.join('\n')}\nprodops: ${file} was not imported (${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}); nothing was changed`,
        );
      }
      const { created, updated, unchanged, details } = result.summary;
      for (const d of details) console.log(`  ${d}`);
      console.log(
        `${opts.dryRun ? 'Dry run: would apply' : 'Imported'} ${file}: ${created} created, ${updated} updated, ${unchanged} unchanged.`,
      );
    });
}
