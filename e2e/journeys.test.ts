import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * Issue 17, part 9: the PM's, Product Ops' and the Head of Product's journeys from sign-in to their answers on
 * the demo org, counting the clicks after "Sign in" (Sales and Support: home.test.ts). Each answer ≤ 2 clicks.
 */
let server: RunningServer;
let browser: Browser;
const SLOW = { timeout: 15_000 };
const BUDGET = 2;
const region = (page: Page, name: string | RegExp): Locator =>
  page.getByRole('region', { name, exact: true });

/** Counts the clicks of a journey and notes how many each answer took. */
function journey(role: string) {
  let clicks = 0;
  const answers: string[] = [];
  return {
    click: async (l: Locator) => {
      clicks += 1;
      await l.click();
    },
    /** The answer is on screen: its clicks are within the budget. */
    answered(what: string) {
      expect(clicks, `${role}: ${what}`).toBeLessThanOrEqual(BUDGET);
      answers.push(`${what}: ${clicks}`);
    },
    /** An action after the answer: its clicks are counted and reported, not budgeted. */
    acted(what: string) {
      answers.push(`${what}: ${clicks}`);
    },
    report() {
      console.info(`journey: ${role}, clicks from sign-in — ${answers.join('; ')}`);
    },
  };
}

describe('the role journeys: PM, Product Ops, Head of Product', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('PM: my update and when it is due, my releases’ next steps, routed insights — and disposing of one', async () => {
    const maya = await signInAs(browser, server.url, 'maya@example.com', { path: '/', heading: 'Home' });
    const j = journey('PM');
    const update = region(maya, 'My weekly update');
    await update.waitFor(SLOW);
    expect(await update.textContent()).toMatch(
      /Billing: (due (in|overdue by) .+|submitted .+) \(America\/New_York\)/,
    );
    j.answered('my update and when it is due');

    const releases = region(maya, /^My releases \(\d+\)$/);
    await releases.waitFor(SLOW);
    const steps = await releases.getByRole('listitem').allInnerTexts();
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(s).toMatch(/Next: \S/);
    j.answered('my releases’ next steps');

    const insights = region(maya, /^Insights awaiting my disposition \(\d+\)$/);
    await insights.waitFor(SLOW);
    const routed = insights.getByRole('link');
    expect(await routed.count()).toBeGreaterThan(0);
    j.answered('routed insights awaiting my disposition');

    const theme = (await routed.first().textContent()) ?? '';
    await j.click(routed.first());
    await maya.getByRole('heading', { name: `Routed: ${theme}`, level: 1 }).waitFor(SLOW);
    const form = maya.getByRole('form', { name: 'Record the decision' });
    await j.click(form.getByRole('radio').first());
    await j.click(form.getByRole('button', { name: 'Record decision' }));
    await form.getByText(/^Recorded: /).waitFor(SLOW);
    j.acted('an insight disposed of');
    j.report();

    // Back home, the decided theme no longer waits.
    await maya.goto(`${server.url}/`);
    await region(maya, /^Insights awaiting my disposition \(\d+\)$/).waitFor(SLOW);
    expect(
      await region(maya, /^Insights awaiting my disposition/)
        .getByRole('link', { name: theme })
        .count(),
    ).toBe(0);
    await maya.close();
  });

  it('Product Ops: missing updates and failed deliveries on the home, failed ones retried from the log', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', { path: '/', heading: 'Home' });
    const j = journey('Product Ops');
    const ops = region(priya, 'Running the week');
    await ops.waitFor(SLOW);
    const missing = region(priya, /^Missing weekly updates \(\d+\)$/);
    await missing.waitFor(SLOW);
    j.answered('which updates are missing');
    const failed = ops.getByRole('link', { name: /Messages that could not be delivered/ });
    const count = Number(await failed.locator('.stat-value').textContent());
    expect(count).toBeGreaterThan(0);
    j.answered('how many deliveries failed');

    await j.click(failed);
    await priya.getByRole('heading', { name: 'Delivery log', level: 1 }).waitFor(SLOW);
    const retry = priya.getByRole('button', { name: /^Retry \d+ failed/ }).first();
    await retry.waitFor(SLOW);
    const why = await priya
      .getByRole('list', { name: /^Why deliveries of .+ failed$/ })
      .first()
      .textContent();
    expect(why).toMatch(/\d+ × \S/);
    j.answered('which deliveries failed, and why');
    await j.click(retry);
    await priya
      .getByRole('status')
      .filter({ hasText: /^Queued \d+ failed deliver(y|ies) of / })
      .waitFor(SLOW);
    j.acted('failed deliveries retried');
    j.report();
    await priya.close();
  });

  it('Head of Product: the headline figures and Polish Mode areas on the home, a metric’s records one click away', async () => {
    const hana = await signInAs(browser, server.url, 'hana@example.com', { path: '/', heading: 'Home' });
    const j = journey('Head of Product');
    const health = region(hana, 'Product health');
    await health.waitFor(SLOW);
    const figures = health.getByRole('list', { name: 'Headline figures' }).getByRole('listitem');
    await expect.poll(() => figures.count(), SLOW).toBeGreaterThan(3);
    j.answered('the headline metrics');
    const polish = region(hana, /^Areas in Polish Mode \(\d+\)$/);
    await polish.waitFor(SLOW);
    expect(await polish.getByRole('link').count()).toBeGreaterThan(0);
    j.answered('the Polish Mode areas');

    const metric = figures.first().getByRole('link');
    const label = (await metric.textContent()) ?? '';
    await j.click(metric);
    await hana.getByRole('heading', { name: label, level: 1 }).waitFor(SLOW);
    const records = hana.getByRole('table', { name: /^The records behind the figure \(\d+\)$/ });
    await records.waitFor(SLOW);
    expect(await records.getByRole('row').count()).toBeGreaterThan(1);
    j.answered('a metric’s drill-down');
    j.report();
    await hana.close();
  });
});
