import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { statusPings } from '../../db/schema/index.ts';
import { readSlackExport, SlackExportError } from '../../integrations/slack/export.ts';
import { detectInExport } from '../../integrations/slack/status-pings.ts';
import { systemActor } from '../actor.ts';
import { seedDemoIfEmpty } from '../setup/demo.ts';
import { answerStatus } from './answer.ts';
import { importSlackExport, importStatusPings, statusRequestWeeks } from './pings.ts';

/** Issue 14: the status-request count, from a Slack export (the fixture's 4 pings in two weeks of March 2026). */
const EXPORT = new URL('../../../test/fixtures/slack-export', import.meta.url).pathname;
const now = new Date('2026-03-12T15:00:00Z');
let d: TestDatabase;

beforeAll(async () => {
  d = await createTestDb();
  await seedDemoIfEmpty(d.db, now);
}, 120_000);
afterAll(() => d.close());

const importExport = () =>
  importStatusPings({
    db: d.db,
    actor: systemActor('test'),
    now,
    pings: detectInExport(readSlackExport(EXPORT)),
    exportName: 'slack-export',
  });

describe('the status-request count', () => {
  it('stores nothing of an export that breaks halfway', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'prodops-broken-export-'));
    try {
      await cp(EXPORT, dir, { recursive: true });
      // The last day file read: every ping before it was found already.
      await writeFile(path.join(dir, 'sales', '2026-03-09.json'), '[{"type":');
      const run = importSlackExport({
        db: d.db,
        actor: systemActor('test'),
        now,
        exportPath: dir,
        exportName: 'broken',
      });
      await expect(run).rejects.toBeInstanceOf(SlackExportError);
      expect(await d.db.select().from(statusPings)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stores the pings an export holds once, however often it is imported', async () => {
    expect(await importExport()).toEqual({ found: 4, added: 4 });
    expect(await importExport()).toEqual({ found: 4, added: 0 });
  });

  it('counts them per week in the org zone, by channel and by the area they name, against the baseline', async () => {
    const r = await statusRequestWeeks(d.db, { baselineWeeks: 1 });
    expect(r.weeks.map((w) => [w.week, w.pings])).toEqual([
      ['2026-W10', 3],
      ['2026-W11', 1],
    ]);
    expect(r.weeks[0]!.byChannel).toEqual([
      { channel: '#product-questions', pings: 2 },
      { channel: '#sales', pings: 1 },
    ]);
    expect(r.weeks[0]!.byArea.map((a) => a.areaName).sort()).toEqual([
      'Admin & Security',
      'Billing',
      'Payments',
    ]);
    expect(r.weeks[1]!.byArea).toEqual([{ areaName: 'Mobile', pings: 1 }]);
    expect(r.baseline).toEqual({ weeks: ['2026-W10'], perWeek: 3 });
    expect(r.latest).toEqual({ week: '2026-W11', pings: 1 });
    expect(r.change).toBeCloseTo(-2 / 3);
  });

  it('counts a question prodops answered as a ping avoided, in its week', async () => {
    await answerStatus({
      db: d.db,
      now: new Date('2026-03-10T09:00:00Z'),
      q: 'SCIM provisioning',
      reader: 'org',
      personId: null,
      channel: 'web',
    });
    await answerStatus({
      db: d.db,
      now,
      q: 'quantum teleporter',
      reader: 'org',
      personId: null,
      channel: 'web',
    });
    const r = await statusRequestWeeks(d.db, { baselineWeeks: 4 });
    expect(r.weeks.map((w) => [w.week, w.pings, w.avoided])).toEqual([
      ['2026-W10', 3, 0],
      ['2026-W11', 1, 1],
    ]);
  });
});
