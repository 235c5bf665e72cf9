import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/** The insights taxonomy in Settings: a theme's keywords edited in the form reach GET /api/v1/settings. */
let server: RunningServer;
let browser: Browser;

describe('the insights taxonomy in Settings', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("saves a theme's keywords edited as comma-separated text", async () => {
    const admin = await signInAs(browser, server.url, 'admin@example.com', {
      path: '/settings',
      heading: 'Settings',
    });
    const get = async () => (await admin.request.get(`${server.url}/api/v1/settings`)).json();
    const before = await get();
    await admin.getByRole('button', { name: 'Edit settings' }).click();
    const form = admin.getByRole('form', { name: 'Edit settings' });
    const box = form.getByLabel('Theme 1 keywords');
    expect(await box.inputValue()).toBe(before.settings.insights.themes[0].keywords.join(', '));
    await box.fill('first run,  empty state , ');
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('button', { name: 'Edit settings' }).waitFor();
    const after = await get();
    expect(after.settings.insights.themes[0].keywords).toEqual(['first run', 'empty state']);
    after.settings.insights.themes[0].keywords = before.settings.insights.themes[0].keywords;
    expect(after).toEqual(before);
    await admin.close();
  });

  it('adds and removes rows of the list fields: holidays, release attributes, segments', async () => {
    const admin = await signInAs(browser, server.url, 'admin@example.com', {
      path: '/settings',
      heading: 'Settings',
    });
    const get = async () => (await admin.request.get(`${server.url}/api/v1/settings`)).json();
    const before = (await get()).settings;
    await admin.getByRole('button', { name: 'Edit settings' }).click();
    const form = admin.getByRole('form', { name: 'Edit settings' });
    const holidays = before.holidays.length;
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await form.getByLabel(`Holiday ${holidays + 1} date`).fill('2027-07-05');
    await form.getByLabel(`Holiday ${holidays + 1} name`).fill('Independence Day (observed)');
    const attrs = before.releaseAttributes.length;
    await form.getByRole('button', { name: 'Add attribute' }).click();
    await form.getByLabel(`Attribute ${attrs + 1} key`).fill('data_export');
    await form.getByLabel(`Attribute ${attrs + 1} label`).fill('Data export');
    await form.getByLabel(`Attribute ${attrs + 1} tier`).selectOption('3');
    // The first segment goes; the others move up a place.
    await form.getByRole('button', { name: 'Remove segment 1' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('button', { name: 'Edit settings' }).waitFor();
    const after = (await get()).settings;
    expect(after.holidays).toEqual([
      ...before.holidays,
      { date: '2027-07-05', name: 'Independence Day (observed)' },
    ]);
    expect(after.releaseAttributes.at(-1)).toEqual({ key: 'data_export', label: 'Data export', tier: 3 });
    expect(after.insights.segments).toEqual(before.insights.segments.slice(1));
    await admin.close();
  });
});
