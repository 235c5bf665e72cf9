import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/** Issue 14: "what's the status of X?" from any page, Ctrl-K, in Chromium on the demo org. */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };

async function ask(page: Page, words: string) {
  await page.keyboard.press('Control+k');
  const box = page.getByRole('searchbox', { name: 'Ask prodops', exact: true });
  await expect.poll(() => box.evaluate((el) => el === document.activeElement), SLOW).toBe(true);
  await box.fill(words);
  await box.press('Enter');
  const answer = page.getByRole('region', { name: 'Answer', exact: true });
  await answer.waitFor(SLOW);
  return answer;
}

describe('the status search', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('answers Sales with one card, a pick among look-alikes, and nothing internal', async () => {
    const sam = await signInAs(browser, server.url, 'sam@example.com', {
      path: '/releases',
      heading: 'Releases',
    });
    const scim = await ask(sam, 'scim provisioning');
    await scim.getByRole('heading', { name: 'SCIM provisioning' }).waitFor(SLOW);
    expect(await scim.textContent()).toMatch(/When.+\(a range: the day is not announced yet\)/);

    const sync = await ask(sam, 'salesforce sync');
    const pick = sync.getByRole('list', { name: 'Pick one' });
    await pick.waitFor(SLOW);
    await pick.getByRole('listitem').filter({ hasText: 'release' }).getByRole('button').click();
    await sync.getByRole('heading', { name: 'Salesforce sync v2' }).waitFor(SLOW);
    expect(await sync.textContent()).toMatch(/Readiness/);
    await sync.getByRole('link', { name: 'Salesforce sync v2' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Salesforce sync v2' }).waitFor(SLOW);

    const internal = await ask(sam, 'tax engine upgrade');
    await expect.poll(() => internal.textContent(), SLOW).toMatch(/^Close\s*Nothing in prodops matches/);
    expect((await internal.textContent())!.replace('"tax engine upgrade"', '')).not.toMatch(/tax engine/i);
    await sam.keyboard.press('Escape');
    await expect.poll(() => internal.count(), SLOW).toBe(0);
    await sam.close();
  });
});
