import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { filesOf, fixtureExportZip, storedZip } from '../../../test/zip.ts';
import { pingsPerWeek } from '../../domain/status/pings.ts';
import { readSlackExport, SlackExportError, type SlackExportMessage, slackTsToDate } from './export.ts';
import { detectInExport } from './status-pings.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/slack-export', import.meta.url));

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const temps: string[] = [];
async function copyOfFixture(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'prodops-slack-export-'));
  temps.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  return dir;
}
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('readSlackExport', () => {
  it("yields people's messages by channel then day, skipping joins, leaves, topics, bots and apps", async () => {
    const messages = await all(readSlackExport(FIXTURE));
    expect(messages.map((m) => `${m.channel} ${m.ts} ${m.text.slice(0, 24)}`)).toEqual([
      'product-questions 1772460310.000200 <@U01PRIYA> any update o',
      'product-questions 1772461000.000300 In beta with 6 accounts,',
      'product-questions 1772546710.000100 is SCIM provisioning liv',
      'product-questions 1772548000.000300 status meeting moved to ',
      'sales 1772470000.000100 closed Hooli for 120 sea',
      'sales 1772471000.000200 ETA on the tax engine up',
      'sales 1773065110.000200 where are we with offlin',
    ]);
  });

  it('reads the instant, the author, their name and the thread', async () => {
    const [parent, reply] = await all(readSlackExport(FIXTURE));
    expect(parent).toEqual({
      channel: 'product-questions',
      ts: '1772460310.000200',
      postedAt: new Date('2026-03-02T14:05:10.000Z'),
      user: 'U02MARCO',
      // users.json has no display name for Marco: his real name.
      userName: 'Marco Rossi',
      text: "<@U01PRIYA> any update on usage-based billing? Acme's renewal is thursday :pray:",
      threadTs: null,
    } satisfies SlackExportMessage);
    expect(reply).toMatchObject({
      user: 'U01PRIYA',
      userName: 'Priya (PM Billing)',
      threadTs: '1772460310.000200',
    });
  });

  it("names a member missing from users.json from the message's own profile", async () => {
    const dana = (await all(readSlackExport(FIXTURE))).filter((m) => m.user === 'U03DANA');
    expect(dana.map((m) => m.userName)).toEqual(['dana', 'dana', 'Dana Whitfield']);
    // A reply also sent to the channel is still a reply.
    expect(dana[1]!.threadTs).toBe('1772470000.000100');
  });

  it('reads only the channels asked for', async () => {
    const messages = await all(readSlackExport(FIXTURE, { channels: ['sales'] }));
    expect(new Set(messages.map((m) => m.channel))).toEqual(new Set(['sales']));
    expect(messages).toHaveLength(3);
  });

  it('reads a day file only when it gets there (a file added mid-read is read)', async () => {
    const dir = await copyOfFixture();
    const iterator = readSlackExport(dir);
    const first = await iterator.next();
    expect(first.value?.channel).toBe('product-questions');
    await writeFile(
      path.join(dir, 'sales', '2026-03-10.json'),
      JSON.stringify([{ type: 'message', ts: '1773151510.000100', user: 'U02MARCO', text: 'late addition' }]),
    );
    const rest: SlackExportMessage[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) rest.push(r.value);
    expect(rest.at(-1)?.text).toBe('late addition');
  });

  it('keeps to the export folder: a channel named like a path is skipped', async () => {
    const dir = await copyOfFixture();
    await writeFile(path.join(dir, 'groups.json'), JSON.stringify([{ id: 'G1', name: '../outside' }]));
    const messages = await all(readSlackExport(dir));
    expect(messages).toHaveLength(7);
  });

  it('refuses what is not an export, saying why', async () => {
    const dir = await copyOfFixture();
    await rm(path.join(dir, 'channels.json'));
    await expect(all(readSlackExport(dir))).rejects.toThrow(/no channels\.json/);
    await writeFile(path.join(dir, 'export.zip'), 'PK');
    await expect(all(readSlackExport(path.join(dir, 'export.zip')))).rejects.toThrow(
      new SlackExportError(`${path.join(dir, 'export.zip')} is not a zip file`),
    );
    await expect(all(readSlackExport(path.join(dir, 'missing')))).rejects.toBeInstanceOf(SlackExportError);
  });

  it('names the day file that is not JSON', async () => {
    const dir = await copyOfFixture();
    await writeFile(path.join(dir, 'sales', '2026-03-02.json'), '[{"type":');
    await expect(all(readSlackExport(dir))).rejects.toThrow(/sales\/2026-03-02\.json is not valid JSON/);
  });
});

describe('readSlackExport of a .zip', () => {
  async function zipFile(bytes: Buffer): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'prodops-slack-zip-'));
    temps.push(dir);
    const file = path.join(dir, 'export.zip');
    await writeFile(file, bytes);
    return file;
  }
  const lines = (messages: SlackExportMessage[]) => messages.map((m) => `${m.channel} ${m.ts} ${m.userName}`);

  it('reads the same messages as the unpacked folder, at the top or under one folder', async () => {
    const folder = lines(await all(readSlackExport(FIXTURE)));
    expect(lines(await all(readSlackExport(await zipFile(await fixtureExportZip()))))).toEqual(folder);
    const nested = await zipFile(await fixtureExportZip('Acme Slack export Mar 1 2026 - Mar 14 2026/'));
    expect(lines(await all(readSlackExport(nested)))).toEqual(folder);
    const pings = await all(detectInExport(readSlackExport(nested)));
    expect(pings.map((p) => p.reference)).toEqual([
      '#product-questions/p1772460310000200',
      '#product-questions/p1772546710000100',
      '#sales/p1772471000000200',
      '#sales/p1773065110000200',
    ]);
  });

  it("skips entries named with '..' or an absolute path, and macOS's __MACOSX folder", async () => {
    const fixture = await filesOf(FIXTURE);
    const evilDay = JSON.stringify([
      { type: 'message', ts: '1773151510.000100', user: 'U1', text: 'eta on evil?' },
    ]);
    const file = await zipFile(
      storedZip([
        ...fixture,
        { name: '../evil', data: 'outside' },
        { name: 'sales/../../2026-03-10.json', data: evilDay },
        { name: '/etc/sales/2026-03-11.json', data: evilDay },
        { name: '__MACOSX/sales/._2026-03-02.json', data: 'not json' },
      ]),
    );
    expect(lines(await all(readSlackExport(file)))).toEqual(lines(await all(readSlackExport(FIXTURE))));
  });

  it('refuses a file past the cap, an export that unpacks past the total, and a damaged or foreign zip', async () => {
    const zip = await zipFile(await fixtureExportZip());
    await expect(
      all(readSlackExport(zip, { name: 'the upload', limits: { fileBytes: 900 } })),
    ).rejects.toThrow('channels.json is 917 bytes unpacked, more than the 900 bytes a file may be');
    await expect(
      all(readSlackExport(zip, { name: 'the upload', limits: { totalBytes: 2000 } })),
    ).rejects.toThrow('the upload unpacks to more than 2 KB');
    const text = await zipFile(Buffer.from('channel,ts,text\nsales,1,hello\n'));
    await expect(all(readSlackExport(text, { name: 'the upload' }))).rejects.toThrow(
      new SlackExportError('the upload is not a zip file'),
    );
    const other = await zipFile(storedZip([{ name: 'report.pdf', data: '%PDF-1.4' }]));
    await expect(all(readSlackExport(other))).rejects.toThrow(
      /not a Slack export: there is no channels\.json/,
    );
    // Cut short (an interrupted download): the zip's directory is at its end.
    const whole = await fixtureExportZip();
    await expect(
      all(readSlackExport(await zipFile(whole.subarray(0, 2000)), { name: 'the upload' })),
    ).rejects.toThrow(new SlackExportError('the upload is not a zip file'));
  });
});

describe('slackTsToDate', () => {
  it('reads seconds and microseconds, and nothing else', () => {
    expect(slackTsToDate('1772460310.000200')?.toISOString()).toBe('2026-03-02T14:05:10.000Z');
    expect(slackTsToDate('1772460310.5')?.getTime()).toBe(1772460310500);
    expect(slackTsToDate('soon')).toBeNull();
  });
});

describe('detectInExport', () => {
  it('yields the status requests with what they ask about and where, and counts them per week', async () => {
    const pings = await all(detectInExport(readSlackExport(FIXTURE)));
    expect(pings.map((p) => [p.reference, p.subject, p.userName])).toEqual([
      ['#product-questions/p1772460310000200', 'usage-based billing', 'Marco Rossi'],
      ['#product-questions/p1772546710000100', 'scim provisioning', 'dana'],
      ['#sales/p1772471000000200', 'tax engine upgrade', 'dana'],
      ['#sales/p1773065110000200', 'offline mode', 'Dana Whitfield'],
    ]);
    expect(pingsPerWeek(pings, 'America/Los_Angeles')).toEqual([
      { week: '2026-W10', pings: 3 },
      { week: '2026-W11', pings: 1 },
    ]);
  });
});
