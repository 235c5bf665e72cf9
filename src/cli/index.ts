import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { AppError } from '../shared/errors.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAreaCommands } from './commands/area.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerBetCommands } from './commands/bet.ts';
import { registerCharterCommands } from './commands/charter.ts';
import { registerContractCommands } from './commands/contract.ts';
import { registerDecisionCommands } from './commands/decision.ts';
import { registerInsightsCommands } from './commands/insights.ts';
import { registerMetricsCommands } from './commands/metrics.ts';
import { registerOrgCommands } from './commands/org.ts';
import { registerPlanCommands } from './commands/plan.ts';
import { registerReleaseCommands } from './commands/release.ts';
import { registerRoadmapCommands } from './commands/roadmap.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerStatusCommands } from './commands/status.ts';
import { registerStatusRequestCommands } from './commands/status-requests.ts';
import { registerUpdateCommands } from './commands/update.ts';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const program = new Command('prodops')
  .description('prodops — the product operations operating system')
  .version(version)
  .showHelpAfterError()
  .exitOverride();

registerServeCommands(program);
registerAdminCommands(program);
registerBackupCommands(program);
registerOrgCommands(program);
registerAreaCommands(program);
registerMetricsCommands(program);
registerPlanCommands(program);
registerContractCommands(program);
registerUpdateCommands(program);
registerReleaseCommands(program);
registerInsightsCommands(program);
registerRoadmapCommands(program);
registerDecisionCommands(program);
registerBetCommands(program);
registerCharterCommands(program);
registerStatusCommands(program);
registerStatusRequestCommands(program);

/** Errors a user can act on are printed plainly; anything else gets its stack for a bug report. */
function report(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode;
  if (err instanceof AppError) {
    console.error(`prodops: ${err.message}`);
    for (const f of err.fields ?? []) console.error(`  ${f.path}: ${f.message}`);
    return err.code === 'validation_failed' ? 2 : 1;
  }
  if (err instanceof Error && err.name === 'UserError') {
    console.error(err.message);
    return 2;
  }
  console.error(err instanceof Error && err.message.startsWith('prodops:') ? err.message : err);
  return 1;
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = report(err);
}
