import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * C2 in a real browser: Product Ops reads the cadence, edits a ritual (and meets the "no just-a-meeting"
 * rule), records attendance, subscribes to the calendar feed; a stakeholder reads without edit controls.
 */
let server: RunningServer;
let browser: Browser;

const signIn = (email: string) =>
  signInAs(browser, server.url, email, { path: '/cadence', heading: 'Cadence' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const ritualsTable = (page: Page) => page.getByRole('table', { name: 'Rituals' });

async function openRitual(page: Page, name: string) {
  await ritualsTable(page).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

describe('the cadence in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows Product Ops the seeded rituals with their times, and the calendar', async () => {
    const page = await signIn('priya@example.com');
    const table = ritualsTable(page);
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Weekly Product Update');
    expect(text).toContain('Every Thursday at 16:00 (America/New_York)');
    expect(text).toContain('Roadmap Review');
    expect(text).toMatch(/Every other Tuesday at 10:00/);
    expect(text).toContain('Insights Review');
    expect(text).toMatch(/The second Wednesday of every month at 11:00/);
    expect(text).toContain('Quarterly Planning / QBR');
    expect(text).toMatch(/first month of every quarter at 13:00/);

    // The calendar lists occurrences with org-local times, a week at a time on request.
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Week of/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await expect
      .poll(async () => (await page.locator('.calendar').textContent()) ?? '')
      .toMatch(/Weekly Product Update[\s\S]*16:00–16:30|16:00–16:30[\s\S]*Weekly Product Update/);
    expect(await page.getByRole('button', { name: 'Add ritual' }).count()).toBe(1);
    expect(await nav(page).getByRole('link', { name: 'Delivery log' }).count()).toBe(1);
    await page.close();
  });

  it('lets Product Ops edit a ritual’s agenda, and refuses a ritual without an output artifact', async () => {
    const page = await signIn('priya@example.com');
    await openRitual(page, 'Roadmap Review');
    const item = page.getByLabel('Agenda item 1', { exact: true });
    await item.fill('Product Ops: what changed since the last review, and new dependencies');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Agenda item 1', { exact: true }).inputValue())
      .toBe('Product Ops: what changed since the last review, and new dependencies');
    await expect
      .poll(async () => (await page.locator('ol.agenda').textContent()) ?? '')
      .toContain('what changed since the last review');

    await page.getByLabel('Output artifact').fill('');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Output artifact/);
    await expect.poll(() => page.getByLabel('Output artifact').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').first().textContent()).toMatch(
      /every ritual produces an artifact/,
    );

    // A problem only the server can see (the slug is taken) lands on its field the same way.
    await page.getByRole('link', { name: /Cadence and all rituals/ }).click();
    await page.getByRole('button', { name: 'Add ritual' }).click();
    await page.getByLabel('Name').fill('Roadmap Review');
    await page.getByLabel('Output artifact').fill('Roadmap notes');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/Slug.*already used/);
    await expect.poll(() => page.getByLabel('Slug').getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('lets Product Ops record attendance on an occurrence', async () => {
    const page = await signIn('priya@example.com');
    await openRitual(page, 'Roadmap Review');
    await page.getByRole('region', { name: 'Upcoming' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /^Roadmap Review, /, level: 1 }).waitFor();
    await page.getByRole('group', { name: 'Maya Chen' }).getByRole('radio', { name: 'Present' }).check();
    await page.getByRole('group', { name: 'Leo Martins' }).getByRole('radio', { name: 'Absent' }).check();
    await page.getByLabel('Status').selectOption('held');
    await page.getByLabel('Notes').fill('Agenda generated from the roadmap diff.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    const maya = page.getByRole('group', { name: 'Maya Chen' }).getByRole('radio', { name: 'Present' });
    await expect.poll(() => maya.isChecked()).toBe(true);
    expect(
      await page
        .getByRole('group', { name: 'Leo Martins' })
        .getByRole('radio', { name: 'Absent' })
        .isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('Status').inputValue()).toBe('held');
    expect(await page.getByLabel('Notes').inputValue()).toBe('Agenda generated from the roadmap diff.');
    await page.close();
  });

  it('makes a calendar feed URL, shown once, that serves iCalendar, and replaces it on request', async () => {
    const page = await signIn('priya@example.com');
    const panel = page.getByRole('region', { name: 'Subscribe in your calendar' });
    const input = page.getByLabel('Your calendar feed URL');
    await panel.getByRole('button', { name: /^Make (my private|a new) address$/ }).click();
    const confirm = panel.getByRole('button', { name: 'Yes, make a new address' });
    if (await confirm.count()) await confirm.click();
    await expect.poll(() => input.inputValue()).toMatch(/^http.*\.ics$/);
    const url = await input.inputValue();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect((await res.text()).startsWith('BEGIN:VCALENDAR')).toBe(true);

    // Shown once: after a reload the page says a URL exists, not what it is.
    await page.reload();
    await panel.getByText(/You have a private address/).waitFor();
    expect(await input.count()).toBe(0);
    expect(await page.content()).not.toContain(url);

    await panel.getByRole('button', { name: 'Make a new address' }).click();
    await panel.getByRole('button', { name: 'Yes, make a new address' }).click();
    await expect.poll(() => input.inputValue()).toMatch(/^http.*\.ics$/);
    expect(await input.inputValue()).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await (await fetch(await input.inputValue())).text()).startsWith('BEGIN:VCALENDAR')).toBe(true);
    await page.close();
  });

  it('shows a stakeholder the calendar with no edit controls and no delivery log', async () => {
    const page = await signIn('sam@example.com');
    await ritualsTable(page).waitFor();
    await expect.poll(() => page.locator('.calendar tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Add ritual' }).count()).toBe(0);
    const links = await nav(page).getByRole('link').allInnerTexts();
    expect(links).toContain('Cadence');
    expect(links).not.toContain('Delivery log');

    await openRitual(page, 'Roadmap Review');
    await page.getByRole('heading', { name: 'Agenda', level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await page.getByRole('region', { name: 'Upcoming' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Attendance', level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);
    await page.close();
  });

  it('opens the delivery log, the inbox and preferences', async () => {
    const page = await signIn('priya@example.com');
    await nav(page).getByRole('link', { name: 'Delivery log', exact: true }).click();
    await page.getByRole('heading', { name: 'Delivery log', level: 1 }).waitFor();
    await page.getByLabel('Status').selectOption('dead');
    await expect.poll(() => page.url()).toMatch(/status=dead/);

    await page.getByRole('link', { name: /^Inbox/ }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Preferences', exact: true }).click();
    await page.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
    await page.getByLabel('Artifact', { exact: true }).selectOption('insights_digest');
    await page.getByRole('button', { name: 'Add subscription' }).click();
    await page.getByText('Added Insights Digest.').waitFor();
    await expect
      .poll(async () => (await page.getByRole('table', { name: 'Your subscriptions' }).textContent()) ?? '')
      .toContain('Insights Digest');
    await page.close();
  });
});
