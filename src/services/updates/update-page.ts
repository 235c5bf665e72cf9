import type { Context } from '../context.ts';
import { definitionOfDone, versionList, weekVersions } from './archive.ts';
import { openCycle } from './cycles.ts';
import { boardOf } from './submissions.ts';

/**
 * A week's update page (the status board Product Ops publishes from, and a PM's compose page beside it), each
 * row read once: the cycle feeds the board and the definition of done, the published versions their list and
 * the definition of done; the settings are read (once) only to open a cycle nobody opened yet.
 */
export async function updatePage(ctx: Context, week: string) {
  const cycle = await openCycle(ctx, week);
  const board = await boardOf(ctx.db, cycle);
  const versions = await weekVersions(ctx.db, week);
  return {
    ...board,
    versions: versionList(versions),
    done: await definitionOfDone(ctx.db, cycle, versions),
  };
}
