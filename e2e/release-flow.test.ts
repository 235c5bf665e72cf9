import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, part 4: the release page as a guided flow. A demo release whose gate has open items shows its next
 * step as the one primary action (never "Mark launched"), a gate summary that stays in view while scrolling,
 * and its sections folded; the new-release form warns about a too-soon launch before anything is saved.
 */
let server: RunningServer;
let browser: Browser;

const SLOW = { timeout: 15_000 };
const DEMO_RELEASE = 'Salesforce sync v2';

/** A date `days` from the real today (the demo server runs on the real clock). */
function inDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function openDemoRelease(page: Page): Promise<string> {
  const res = await page.request.get(`${server.url}/api/v1/releases?limit=100`);
  const list = (await res.json()) as { items: { id: string; title: string }[] };
  const id = list.items.find((r) => r.title === DEMO_RELEASE)?.id ?? '';
  expect(id).not.toBe('');
  await page.goto(`${server.url}/releases/${id}`);
  await page.getByRole('heading', { level: 1, name: DEMO_RELEASE }).waitFor(SLOW);
  return id;
}

describe('the release page as a guided flow', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('leads with the next step, keeps the gate summary in view and folds the sections', async () => {
    // The Head of Product may do everything, "Mark launched" included: the page must still not lead with it.
    const hana = await signInAs(browser, server.url, 'hana@example.com', {
      path: '/releases',
      heading: 'Releases',
    });
    const id = await openDemoRelease(hana);
    const gate = await (await hana.request.get(`${server.url}/api/v1/releases/${id}/gate`)).json();
    expect(gate.ready).toBe(false);
    expect(gate.reasons.length).toBeGreaterThan(1);

    const bar = hana.getByRole('complementary', { name: 'Next step and release gate' });
    await bar.waitFor(SLOW);
    // One primary action outside the forms (an open form keeps its own submit button), and it is not "Mark launched".
    const primary = hana.locator('.button.primary:visible');
    const outsideForms = await primary.evaluateAll((els) =>
      els.filter((e) => !e.closest('form')).map((e) => e.textContent),
    );
    expect(outsideForms).toHaveLength(1);
    expect(await primary.allTextContents()).not.toContain('Mark launched');
    const next = outsideForms[0] ?? '';
    expect(next).toMatch(/^Fill the enablement bundle \(\d+ sections? missing\)$/);
    expect(
      await hana
        .getByRole('button', { name: 'Mark launched' })
        .first()
        .evaluate((b) => b.className),
    ).not.toContain('primary');
    expect(await bar.textContent()).toContain(`Not ready: ${gate.reasons.length} open items`);

    // Folded: every section but the one the next step points at, each with its one line.
    const toggles = hana.locator('.release-fold .fold-toggle');
    const states = await toggles.evaluateAll((els) =>
      els.map((e) => [e.querySelector('span[id]')?.textContent, e.getAttribute('aria-expanded')]),
    );
    expect(states).toEqual([
      ['Tier', 'false'],
      ['Lead time', 'false'],
      ['Enablement bundle', 'true'],
      ['Readiness', 'false'],
      ['Go/no-go', 'false'],
      ['Release gate', 'false'],
    ]);
    expect(await hana.getByRole('list', { name: 'Sign-offs' }).isVisible()).toBe(false);
    expect(await hana.getByRole('button', { name: /^Readiness/ }).textContent()).toMatch(/0 of 5 sign-offs/);

    // Each open item is one click away: the sign-offs link opens Readiness.
    await bar.getByRole('button', { name: /^Sign-offs \(\d+\)$/ }).click();
    await hana.getByRole('list', { name: 'Sign-offs' }).waitFor(SLOW);
    expect(await hana.getByRole('button', { name: /^Readiness/ }).getAttribute('aria-expanded')).toBe('true');

    // Sticky: scrolled to the bottom, the summary is still at the top of the viewport.
    await hana.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => hana.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const box = await bar.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(5);
    expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe('sticky');

    // Words, not keys, on the page.
    const text = (await hana.locator('main').textContent()) ?? '';
    for (const key of ['api_change', 'ga_launch', 'pricing_change_subset', '@example.com', 'system:']) {
      expect(text).not.toContain(key);
    }
    await hana.close();
  });

  it('warns about a too-soon Tier 3 launch in the new-release form, before saving', async () => {
    const maya = await signInAs(browser, server.url, 'maya@example.com', {
      path: '/releases',
      heading: 'Releases',
    });
    const before = await (await maya.request.get(`${server.url}/api/v1/releases?limit=100`)).json();
    await maya.getByRole('button', { name: 'New release' }).click();
    const form = maya.getByRole('form', { name: 'New release' });
    await form.getByLabel('Title').fill('Too-soon GA');
    await form.getByLabel('GA launch (Tier 3)').check();
    const suggestion = form.locator('.tier-suggestion');
    await expect
      .poll(() => suggestion.textContent(), SLOW)
      .toBe('Suggested: Tier 3 (High): GA launch implies Tier 3.');
    await form.getByLabel('Target launch date').fill(inDays(3));
    const advice = form.getByRole('status', { name: 'Lead time for this launch date' });
    await expect.poll(() => advice.textContent(), SLOW).toContain('Lead-time warning');
    const words = (await advice.textContent()) ?? '';
    expect(words).toContain('Too soon for Tier 3 (High)');
    expect(words).toMatch(/Distribute the bundle to Support & Sales by \w{3} \d{1,2} \w{3} \d{4}/);
    expect(words).toMatch(/The earliest launch that respects the lead times is \w{3} \d{1,2} \w{3} \d{4}\./);
    expect(words).toMatch(/dates in the org's calendar, [A-Za-z_]+\/[A-Za-z_]+/);

    // A date far enough out: the warning goes, the dates stay.
    await form.getByLabel('Target launch date').fill(inDays(60));
    await expect
      .poll(() => advice.textContent(), SLOW)
      .toContain('Respects the lead times of Tier 3 (High).');
    expect(await advice.textContent()).toContain('Distribute the bundle to Support & Sales by');
    // Nothing was saved.
    const after = await (await maya.request.get(`${server.url}/api/v1/releases?limit=100`)).json();
    expect(after.items.length).toBe(before.items.length);
    await maya.close();
  });
});
