import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { TableFigures } from '../../db/backup.ts';
import { systemClock } from '../../shared/clock.ts';
import { withAdminDb } from '../admin-db.ts';
import { UserError } from '../user-error.ts';

const summary = (tables: TableFigures[]) =>
  `${tables.length} tables, ${tables.reduce((n, t) => n + t.rows, 0).toLocaleString('en-US')} rows`;

/** A backup problem the user can act on (a damaged file, a version mismatch, data in the way). */
async function plainly<T>(fn: () => Promise<T>): Promise<T> {
  const { BackupError } = await import('../../db/backup.ts');
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BackupError) throw new UserError(`prodops: ${err.message}`);
    throw err;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a consistent backup of the whole database to FILE (direct database access)')
    .argument('<file>', 'where to write it (gzipped; replaced if it exists)')
    .action(async (file: string) => {
      const { backupDatabase } = await import('../../db/backup.ts');
      const { openRawConnection } = await import('../../db/raw-connection.ts');
      await withAdminDb(async (database, target) => {
        const conn = await openRawConnection(database, target);
        try {
          const manifest = await backupDatabase(conn, file, systemClock.now());
          console.log(`backed up ${summary(manifest.tables)} to ${file}`);
        } finally {
          await conn.close();
        }
      });
    });

  program
    .command('restore')
    .description('load a backup into an empty database, checking every table against the backup')
    .argument('<file>', 'a file written by `prodops backup`')
    .option('--replace', 'replace everything in a database that already holds data')
    .action(async (file: string, opts: { replace?: boolean }) => {
      if (!existsSync(file)) throw new UserError(`prodops: cannot read ${file}: ENOENT`);
      const { restoreDatabase } = await import('../../db/restore.ts');
      const { openRawConnection } = await import('../../db/raw-connection.ts');
      await withAdminDb(
        async (database, target) => {
          const conn = await openRawConnection(database, target);
          try {
            const out = await plainly(() => restoreDatabase(conn, file, { replace: opts.replace === true }));
            console.log(
              `restored ${summary(out.tables)} from ${file} (made ${out.manifest.createdAt}); ` +
                "every table's row count and checksum equal the backup's",
            );
          } finally {
            await conn.close();
          }
        },
        { defaults: false, refuseRunningServer: 'stop it before restoring' },
      );
    });
}
