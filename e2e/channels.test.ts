import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServe, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs } from './harness.ts';

/**
 * C2 channels in a real browser: Product Ops adds a Slack channel (a malformed webhook URL and a foreign host
 * are refused on the field) and an email list, edits and deletes one; a stakeholder only reads the list.
 */
let server: RunningServer;
let browser: Browser;

const signIn = (email: string) =>
  signInAs(browser, server.url, email, { path: '/channels', heading: 'Channels' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const addForm = (page: Page) => page.getByRole('form', { name: 'Add channel' });
const table = (page: Page) => page.getByRole('table', { name: 'Channels' });
const tableText = async (page: Page) => (await table(page).textContent()) ?? '';

/** The message shown next to a field, once the field is marked invalid. */
async function fieldError(page: Page, label: string): Promise<string> {
  const field = addForm(page).getByLabel(label);
  if ((await field.getAttribute('aria-invalid')) !== 'true') return '';
  const id = (await field.getAttribute('aria-describedby'))?.split(' ').find((i) => i.endsWith('-error'));
  return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '') : '';
}

describe('channels in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets Product Ops add a Slack channel, refusing a malformed URL and a foreign host on the field', async () => {
    const page = await signIn('priya@example.com');
    await page.getByText('No channels yet.').waitFor();
    await page.getByRole('button', { name: 'Add channel' }).click();
    const form = addForm(page);
    await form.getByLabel('Name').fill('#product-updates');
    await form.getByLabel('Webhook URL').fill('not a url');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fieldError(page, 'Webhook URL')).toMatch(/must be a URL/);
    expect(await page.getByText('No channels yet.').count()).toBe(1);

    await form.getByLabel('Webhook URL').fill('https://example.com/hook');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fieldError(page, 'Webhook URL')).toMatch(/hooks\.slack\.com/);
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Webhook URL/);
    expect(await page.getByText('No channels yet.').count()).toBe(1);

    await form.getByLabel('Webhook URL').fill('https://hooks.slack.com/services/T000/B000/XXXX');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Added #product-updates.').waitFor();
    await expect.poll(() => tableText(page)).toContain('webhook to hooks.slack.com');
    // The secret URL never comes back.
    expect(await page.content()).not.toContain('XXXX');

    // The same name again is a conflict, shown on the name.
    await page.getByRole('button', { name: 'Add channel' }).click();
    await form.getByLabel('Name').fill('#product-updates');
    await form.getByLabel('Post with').selectOption('bot');
    await form.getByLabel('Slack channel id').fill('C024BE91L');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => fieldError(page, 'Name')).toMatch(/already used/);

    await form.getByLabel('Kind').selectOption('email_list');
    await form.getByLabel('Name').fill('Product updates list');
    await form.getByLabel('Email address').fill('product-updates@example.com');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Added Product updates list.').waitFor();
    await expect.poll(() => tableText(page)).toContain('product-updates@example.com');
    expect(await tableText(page)).toContain('Email list');
    await page.close();
  });

  it('lets Product Ops edit a channel, keeping its webhook, and delete one after confirming', async () => {
    const page = await signIn('priya@example.com');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await addForm(page).getByLabel('Name').fill('#releases');
    await addForm(page).getByLabel('Post with').selectOption('bot');
    await addForm(page).getByLabel('Slack channel id').fill('C0RELEASES');
    await addForm(page).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => tableText(page)).toContain('bot → C0RELEASES');

    await page.getByRole('button', { name: 'Edit #product-updates' }).click();
    const edit = page.getByRole('form', { name: 'Edit #product-updates' });
    expect(await edit.getByLabel('Webhook URL').inputValue()).toBe('');
    expect(await edit.textContent()).toMatch(/Leave empty to keep the current webhook/);
    await edit.getByLabel('Name').fill('product-news');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => edit.getByRole('alert').textContent()).toMatch(/Slack channel name/);
    await edit.getByLabel('Name').fill('#product-news');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved #product-news.').waitFor();
    await expect.poll(() => tableText(page)).toMatch(/#product-news.*webhook to hooks\.slack\.com/);

    await page.getByRole('button', { name: 'Edit #releases' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('Deleted #releases.').waitFor();
    await expect.poll(() => tableText(page)).not.toContain('#releases');
    await page.close();
  });

  it('links channel subscriptions on the preferences page to the channels', async () => {
    const page = await signIn('priya@example.com');
    await page.getByRole('link', { name: 'Preferences', exact: true }).click();
    await page.getByRole('heading', { name: 'Channel subscriptions', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Manage channels' }).click();
    await page.getByRole('heading', { name: 'Channels', level: 1 }).waitFor();
    await page.close();
  });

  it('shows a stakeholder the channels with no Add, Edit or Delete controls', async () => {
    const page = await signIn('sam@example.com');
    await expect.poll(() => tableText(page)).toContain('product-updates@example.com');
    const text = await tableText(page);
    expect(text).toContain('#product-news');
    expect(text).toContain('webhook to hooks.slack.com');
    expect(await nav(page).getByRole('link').allInnerTexts()).toContain('Channels');
    for (const name of [/Add channel/, /^Edit/, /^Delete/, /^Save/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await page.close();
  });
});
