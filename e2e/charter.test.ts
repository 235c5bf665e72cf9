import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 16: Product Ops retires a friction and sees the rituals it leaves unmapped, then edits the charter; a
 * stakeholder reads the new charter and has no Frictions or QBR in the navigation.
 */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };

describe('the charter and the top frictions', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('warns of unmapped rituals when a friction retires; a charter edit reaches a stakeholder', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/frictions',
      heading: 'Top frictions',
    });
    const surprise = priya.getByRole('region', { name: '2. Surprise launches' });
    await surprise.getByRole('link', { name: 'Bulk user import' }).waitFor(SLOW);
    await surprise.getByRole('button', { name: 'Retire' }).click();
    await priya
      .getByRole('status')
      .getByText(/map to no friction: every ritual must map/)
      .waitFor(SLOW);
    await priya.getByRole('heading', { name: 'Retired' }).waitFor(SLOW);

    await priya.getByRole('navigation').getByRole('link', { name: 'Charter' }).click();
    await priya.getByRole('heading', { name: 'Product Ops charter', level: 1 }).waitFor(SLOW);
    await priya.getByRole('button', { name: 'Edit the charter' }).click();
    const form = priya.getByRole('form', { name: 'Edit the charter' });
    await form.getByLabel('Mission').fill('Make every launch boring for Support.');
    await form.getByRole('button', { name: 'Save a new version' }).click();
    await priya.getByText(/^Version 1, saved by Priya Shah\./).waitFor(SLOW);
    await priya.close();

    const sam = await signInAs(browser, server.url, 'sam@example.com', {
      path: '/charter',
      heading: 'Product Ops charter',
    });
    await sam
      .getByRole('region', { name: 'Mission' })
      .getByText('Make every launch boring for Support.')
      .waitFor(SLOW);
    const nav = sam.getByRole('navigation');
    await nav.getByRole('link', { name: 'Charter' }).waitFor(SLOW);
    if ((await nav.getByRole('link', { name: 'Frictions' }).count()) !== 0)
      throw new Error('Frictions shown to Sales');
    await sam.close();
  });

  it('publishes this quarter’s QBR with a roadmap item as a priority, its time in the org’s zone', async () => {
    const hana = await signInAs(browser, server.url, 'hana@example.com', {
      path: '/qbr',
      heading: 'Quarterly Planning / QBR',
    });
    await hana.getByRole('link', { name: /^This quarter's QBR/ }).click();
    const form = hana.getByRole('form', { name: 'Publish the QBR' });
    const picker = form.getByLabel('Add a roadmap item as a priority');
    await picker.waitFor(SLOW);
    const choice = (await picker.locator('option').allTextContents())[1]!;
    const title = choice.replace(/ \(.+\)$/, '');
    await picker.selectOption({ label: choice });
    await form.getByLabel('Quarterly priorities').waitFor();
    if (!(await form.getByLabel('Quarterly priorities').inputValue()).includes(title))
      throw new Error(`the priorities do not list ${title}`);
    await form.getByLabel('What worked').fill('Weekly update on time every week');
    await form.getByRole('button', { name: /^Publish/ }).click();
    const versions = hana.getByRole('region', { name: 'Published versions' });
    await versions.getByText(`${title} (roadmap: ${title})`).waitFor(SLOW);
    await versions.getByText(/published by Hana .+ \(America\/New_York\)\.$/).waitFor(SLOW);
    await hana.close();
  });
});
