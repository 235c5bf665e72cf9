import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 15, no bug backlog: Reporting's PM follows the prompt in her inbox to the area's bug backlog, is told a
 * won't-fix needs its why, and decides to fix it now with the week's rotation engineer.
 */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };
const BUG = 'Scheduled report arrives without its charts';

describe('the bug backlog on the area page', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes the PM from the prompt to the bug, and records fix now by the rotation engineer', async () => {
    const aisha = await signInAs(browser, server.url, 'aisha@example.com', {
      path: '/inbox',
      heading: 'Inbox',
    });
    // The first daily check at start asked her (and the rotation) about the bug.
    await aisha.getByRole('heading', { name: new RegExp(`^Bug open \\d+ days: ${BUG}`) }).waitFor(SLOW);
    await aisha.getByRole('link', { name: 'Fix now…' }).first().click();
    await aisha.getByRole('heading', { name: 'Reporting', level: 1 }).waitFor(SLOW);
    await aisha.getByRole('heading', { name: 'Bug backlog' }).waitFor(SLOW);
    await aisha.getByRole('note', { name: 'Bugs waiting for a decision' }).waitFor(SLOW);
    const form = aisha.getByRole('form', { name: `Decide: ${BUG}` });
    // The link chose "Fix now" and opened this bug's decision.
    expect(await form.getByLabel('Fix now').isChecked()).toBe(true);

    await form.getByLabel("Won't fix").check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    await form.getByRole('alert').getByText('is required').waitFor(SLOW);

    await form.getByLabel('Fix now').check();
    await form.getByLabel('Who fixes it').selectOption({ label: 'Noah Prodeng (Eng lead, Engineer)' });
    await form.getByRole('button', { name: 'Record decision' }).click();
    await aisha.getByText('Fix now: Noah Prodeng (decided by Aisha Bello).').first().waitFor(SLOW);
    await expect
      .poll(() => aisha.getByRole('note', { name: 'Bugs waiting for a decision' }).count(), SLOW)
      .toBe(0);
    expect(await aisha.textContent('main')).toMatch(/\d+ open bugs · target 0/);
    await aisha.close();
  });
});
