import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { TAreaQualityList } from '../../shared/quality.ts';
import { remoteFromEnv } from '../remote.ts';
import { UserError } from '../user-error.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Row {
  line: number;
  areaId: string;
  month: string;
  users: number;
}

/**
 * The rows of an active-users CSV (header: area, month, users; area by slug or name), every one checked before
 * anything is sent: a bad row names its line and column, and nothing is recorded.
 */
export async function readActiveUsersCsv(text: string, areas: TAreaQualityList['areas']): Promise<Row[]> {
  const { parse } = await import('csv-parse/sync');
  const records = parse(text, {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const missing = ['area', 'month', 'users'].filter((c) => records.length && !(c in records[0]!));
  if (!records.length) throw new UserError('prodops: the file has no rows (header: area,month,users)');
  if (missing.length)
    throw new UserError(`prodops: the header has no ${missing.join(', ')} column (header: area,month,users)`);
  const problems: string[] = [];
  const rows = records.flatMap((r, i) => {
    const line = i + 2;
    const want = r.area!.toLowerCase();
    const area = areas.find((a) => a.area.slug === want || a.area.name.toLowerCase() === want);
    const users = Number(r.users);
    if (!area) problems.push(`line ${line}, area: no area "${r.area}"`);
    if (!MONTH.test(r.month!)) problems.push(`line ${line}, month: "${r.month}" is not a month like 2026-11`);
    if (!/^\d+$/.test(r.users!) || users > 1_000_000_000)
      problems.push(`line ${line}, users: "${r.users}" is not a whole number from 0 to 1,000,000,000`);
    return area ? [{ line, areaId: area.area.id, month: r.month!, users }] : [];
  });
  if (problems.length) throw new UserError(`prodops: nothing recorded:\n  ${problems.join('\n  ')}`);
  return rows;
}

/** `prodops area users import FILE`: active users per area and month, from a CSV. */
export function registerAreaUsersCommands(area: Command): void {
  area
    .command('users')
    .description('active users per area and month (what operational burden divides by)')
    .command('import')
    .description('record active users from a CSV with the columns area, month (2026-11), users')
    .argument('<file>', 'the CSV file')
    .action(async (file: string) => {
      const remote = remoteFromEnv();
      const { areas } = await remote.json<TAreaQualityList>('GET', '/api/v1/quality/areas');
      const rows = await readActiveUsersCsv(readFileSync(file, 'utf8'), areas);
      const byArea = new Map<string, { month: string; users: number }[]>();
      for (const r of rows)
        byArea.set(r.areaId, [...(byArea.get(r.areaId) ?? []), { month: r.month, users: r.users }]);
      for (const [areaId, entries] of byArea)
        await remote.json('POST', `/api/v1/areas/${areaId}/active-users`, { entries });
      console.log(
        `Recorded ${rows.length} month${rows.length === 1 ? '' : 's'} of active users for ${byArea.size} area${byArea.size === 1 ? '' : 's'}.`,
      );
    });
}
