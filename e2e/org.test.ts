import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServe, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs } from './harness.ts';

/**
 * The demo org in a real browser, from a server started as `npm start` starts it: a stakeholder reads,
 * a PM edits their own area and pod only, Product Ops manages people and reads the audit log.
 */
let server: RunningServer;
let browser: Browser;

const signIn = (email: string) =>
  signInAs(browser, server.url, email, { path: '/people', heading: 'People' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function open(page: Page, navLabel: string, link: string | RegExp, heading: string) {
  await nav(page).getByRole('link', { name: navLabel, exact: true }).click();
  await page.getByRole('heading', { name: navLabel, level: 1 }).waitFor();
  await page.getByRole('link', { name: link }).first().click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

describe('the demo org in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startServe({ ...data.env, PRODOPS_DEMO: 'on' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('rejects a wrong password with a message', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/wrong|not/i);
    await page.close();
  });

  it('lets a stakeholder read everything and change nothing', async () => {
    const page = await signIn('sam@example.com');
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(30); // the demo's 38 people
    const links = await nav(page).getByRole('link').allInnerTexts();
    expect(links).toEqual(expect.arrayContaining(['Home', 'People', 'Areas', 'Pods', 'Settings']));
    expect(links).not.toContain('Org overview');
    expect(links).not.toContain('Audit log');
    expect(await page.getByRole('button', { name: 'Add person' }).count()).toBe(0);

    await open(page, 'Areas', 'Billing', 'Billing');
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
    expect(await page.getByText('Maya Chen').count()).toBeGreaterThan(0);

    await nav(page).getByRole('link', { name: 'Pods', exact: true }).click();
    await page.getByRole('heading', { name: 'Pods', level: 1 }).waitFor();
    await page.locator('.pod-warnings').first().waitFor();
    const warnings = (await page.locator('.pod-warnings').allInnerTexts()).join('\n');
    expect(warnings).toMatch(/Not 3-1-1: has 2 engineers/); // the Reporting pod
    expect(warnings).toMatch(/Kim Engineer is also in/); // Kim is in two pods
    expect(await page.getByRole('button', { name: 'Add pod' }).count()).toBe(0);

    await nav(page).getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByText('America/New_York').first().waitFor();
    expect(await page.getByRole('button', { name: 'Edit settings' }).count()).toBe(0);
    await page.close();
  });

  it('lets a PM edit their own area and pod, and not another PM’s', async () => {
    const page = await signIn('maya@example.com');
    expect(await page.getByRole('button', { name: 'Add person' }).count()).toBe(0);

    await open(page, 'Areas', 'Billing', 'Billing');
    expect(await page.getByLabel('Owner PM').isDisabled()).toBe(true);
    await page.getByLabel('Active users').fill('4321');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Active users').inputValue()).toBe('4321');
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await open(page, 'Areas', 'Onboarding', 'Onboarding');
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);

    await open(page, 'Pods', 'Billing pod', 'Billing pod');
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await page.close();
  });

  it('lets Product Ops add a person, with field errors first, and see it in the audit log', async () => {
    const page = await signIn('priya@example.com');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Name').fill('Robin Support');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/email/i);
    await page.getByLabel('Email').fill('robin@example.com');
    await page.getByRole('checkbox', { name: 'Stakeholder', exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Added Robin Support.').waitFor();
    await page.getByLabel('Search people').fill('robin');
    await page.getByRole('link', { name: 'Robin Support' }).waitFor();

    await nav(page).getByRole('link', { name: 'Audit log', exact: true }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    // Who did it, by name (the audit log names people; their emails are on the People page).
    const table = async () => (await page.getByRole('table').textContent()) ?? '';
    await expect.poll(async () => (await table()).includes('Priya Shah')).toBe(true);
    expect(await table()).not.toContain('priya@example.com');
    await page.screenshot({ path: '/tmp/prodops-audit.png' });
    await page.close();
  });
  it("shows the Head of Product each pod's velocity and a trade-off menu, asking for a missing size in place", async () => {
    const page = await signIn('hana@example.com');
    await nav(page).getByRole('link', { name: 'Velocity', exact: true }).click();
    await page.getByRole('heading', { name: 'Velocity', level: 1 }).waitFor();
    await page.getByRole('row', { name: /^Billing pod/ }).waitFor();
    await page.getByText(/We can do these 2 items fast, or these 3 items slow\./).waitFor();

    await page.getByLabel('Menu for').selectOption({ label: 'Payments pod' });
    const size = page.getByLabel('Tax engine upgrade: engineer-weeks');
    await size.fill('1.3');
    await page.getByRole('button', { name: 'Set size' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/half weeks/);
    await size.fill('9');
    await page.getByRole('button', { name: 'Set size' }).click();
    await page.getByText(/Tax engine upgrade — 9 engineer-weeks, lands .* \(in 3 weeks\)/).waitFor();
    await page.screenshot({ path: '/tmp/prodops-velocity.png', fullPage: true });

    // The pod's page carries the same controls: its area's figures, what it ships, its menu.
    await page.getByRole('link', { name: 'Billing pod' }).click();
    await page.getByRole('heading', { name: 'Billing pod', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Quality and velocity' }).waitFor();
    await page.getByText(/launch(es)? in the last 12 weeks/).waitFor();
    await page.getByText(/We can do these 2 items fast, or these 3 items slow\./).waitFor();
    await page.screenshot({ path: '/tmp/prodops-pod.png', fullPage: true });
    await page.close();
  });
  it('lets a PM record a bet, showing its cluster and approach live as the profile is answered', async () => {
    const page = await signIn('maya@example.com');
    await nav(page).getByRole('link', { name: 'Bets', exact: true }).click();
    await page.getByRole('heading', { name: 'Bets', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Record a bet' }).click();
    const form = page.getByRole('form', { name: 'Record a bet' });
    await form.getByRole('textbox', { name: /^The bet/ }).fill('Self-serve refunds');
    await form.getByLabel('Why we believe it').fill('Refund tickets are a tenth of Billing support.');
    await form.getByLabel('Pod').selectOption({ label: 'Billing pod' });
    await form.getByText(/Answer the profile questions/).waitFor();
    for (const [label, option] of [
      ['Domain familiarity', 'Low'],
      ['Measurability', 'Medium'],
      ['Traceability', 'High'],
      ['Goal type', 'Margin'],
      ['Dependence on other teams', 'None'],
    ] as const)
      await form.getByLabel(label).selectOption({ label: option });
    await form
      .getByText(/Uncharted/)
      .first()
      .waitFor();
    await form
      .getByText(/Time-boxed discovery/)
      .first()
      .waitFor();
    await form.getByRole('button', { name: 'Record bet' }).click();
    await page.getByRole('heading', { name: 'Self-serve refunds', level: 1 }).waitFor();
    await page.screenshot({ path: '/tmp/prodops-bet.png', fullPage: true });
    await page.close();
  });
  it('shows the Head of Product the metrics with their records, and the CSV of them', async () => {
    const page = await signIn('hana@example.com');
    await nav(page).getByRole('link', { name: 'Metrics', exact: true }).click();
    await page.getByRole('heading', { name: 'Metrics', level: 1 }).waitFor();
    for (const name of ['Stakeholder surprise score', 'Launch enablement coverage', 'Ritual adoption'])
      await page.getByRole('heading', { name, level: 2 }).waitFor();
    await page.screenshot({ path: '/tmp/prodops-metrics.png', fullPage: true });
    const csv = await page.request.get(`${server.url}/api/v1/metrics.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toBe('metric,current,target,record,date,counted,detail');
    await page.getByRole('link', { name: 'The records behind ritual adoption' }).click();
    await page.getByRole('heading', { name: 'Ritual adoption', level: 1 }).waitFor();
    await page.getByRole('table', { name: /The records behind the figure/ }).waitFor();
    await page.screenshot({ path: '/tmp/prodops-metric.png', fullPage: true });
    await page.close();
  });
});
