import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { apiToken, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * C6 in a real browser, in the demo org: Support sends feedback through the web form (and a webhook sends 30
 * more items about two themes), Product Ops triages the inbox with the keyboard only, runs the weekly triage,
 * the Billing PM decides on her routed theme (won't do, which needs a rationale), and Product Ops publishes
 * the Monthly Insights Digest.
 */
let server: RunningServer;
let browser: Browser;
let token = '';

const SLOW = { timeout: 15_000 };

interface Item {
  id: number;
  title: string;
  kind: string;
  theme: string | null;
  severity: string;
  areaId: string | null;
  areaName: string | null;
  correctedTags: string[];
}

async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `Bearer ${token}`,
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

/** Two themes: billing charges (Pricing, Billing's area, often blocking) and slow reports (Performance). */
function webhookItems() {
  const customers = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay'];
  const billing = [
    'Billing charged us twice for the same invoice this month, we need a refund',
    'Our billing invoice shows the wrong plan price after the upgrade',
    'Billing: the seat charge doubled without warning, considering cancelling',
    'Invoice PDF from billing has the old company address on it',
    'We were charged for seats we removed, billing did not prorate the refund',
    'The billing page charges tax twice on the invoice for EU customers',
  ];
  const reports = [
    'The reporting dashboard is slow, it takes forever to load every morning',
    'Reporting exports are slow: the weekly report takes minutes to load',
    'Reporting charts keep loading for 30 seconds before anything shows',
  ];
  const items = [];
  for (let i = 0; i < 18; i++)
    items.push({
      externalId: `zd-billing-${i}`,
      title: `Billing ticket ${i + 1}`,
      body: `${billing[i % billing.length]} (${customers[i % customers.length]}, ticket ${1000 + i})`,
      customer: customers[i % customers.length],
      segment: i % 3 === 0 ? 'enterprise' : 'smb',
      // A few from the week before, so the theme has a trend and the weekly chart two columns.
      ...(i < 4 ? { occurredAt: daysAgo(9 + i) } : {}),
    });
  for (let i = 0; i < 12; i++)
    items.push({
      externalId: `zd-reports-${i}`,
      title: `Reporting ticket ${i + 1}`,
      body: `${reports[i % reports.length]} (${customers[(i + 2) % customers.length]}, ticket ${2000 + i})`,
      customer: customers[(i + 2) % customers.length],
      segment: 'mid-market',
    });
  return items;
}

describe('the insights pipeline in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes feedback from the web form and the webhook', async () => {
    const carla = await signInAs(browser, server.url, 'carla@example.com', {
      path: '/insights',
      heading: 'Insights',
    });
    token = await apiToken(carla, server.url, 'e2e feedback webhook');
    await carla.getByRole('button', { name: 'Send feedback' }).click();
    const form = carla.getByRole('form', { name: 'Send feedback' });
    // Neither title nor body: the API's rule, shown at the field.
    await form.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => form.locator('.field-error').allTextContents())
      .toContain('a title or a body is required');
    const sent = [
      [
        'Billing invoice emails never arrive',
        'Customer says billing invoice emails stopped, they are charged late fees',
      ],
      ['Love the new reporting filters', 'Our team loves the reporting filters, great work'],
      ['Where is the export button?', 'Customer cannot find where to export the billing invoice as CSV'],
    ];
    for (const [title, body] of sent) {
      await form.getByLabel('Title', { exact: true }).fill(title!);
      await form.getByLabel('What did the customer say?').fill(body!);
      await form.getByLabel('Customer', { exact: true }).fill('Stark Industries');
      await form.getByLabel('Segment').selectOption({ label: 'Enterprise' });
      await form.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => form.locator('.form-status').textContent(), SLOW).toBe('Sent. Thank you!');
      await carla.getByRole('link', { name: title }).waitFor();
    }
    // Support reads and sends; correcting tags is for Product Ops and PMs.
    expect(await carla.getByRole('button', { name: 'Confirm tags' }).count()).toBe(0);
    await carla.close();

    const result = await api<{ inserted: number; bad: number }>('/insights/intake', {
      method: 'POST',
      body: { source: 'support', items: webhookItems() },
    });
    expect(result).toMatchObject({ inserted: 30, bad: 0 });
    const { items } = await api<{ items: Item[] }>('/insights?limit=200');
    expect(items.length).toBeGreaterThanOrEqual(33);
    // The form's items carry the ids the page made.
    // (The demo's own tickets may start alike: the form's are the exact titles sent.)
    const titles = sent.map(([title]) => title);
    expect(items.filter((i) => titles.includes(i.title))).toHaveLength(3);
  });

  it('lets Product Ops triage the inbox with the keyboard only', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/insights?unreviewed=1',
      heading: 'Insights',
    });
    const rows = priya.locator('.insight-row');
    await expect.poll(() => rows.count(), SLOW).toBeGreaterThan(10);
    const idOf = async (i: number) =>
      Number(
        /\/insights\/(\d+)$/.exec(
          (await rows.nth(i).getByRole('link').first().getAttribute('href')) ?? '',
        )?.[1],
      );
    const selectedId = async () =>
      Number(
        /\/insights\/(\d+)$/.exec(
          (await priya
            .locator('.insight-row[aria-current="true"]')
            .getByRole('link')
            .first()
            .getAttribute('href')) ?? '',
        )?.[1],
      );
    const [first, second, third] = [await idOf(0), await idOf(1), await idOf(2)];
    expect(await selectedId()).toBe(first);
    const before = await api<Item>(`/insights/${third}`);

    const keys = (...k: string[]) =>
      k.reduce((p, key) => p.then(() => priya.keyboard.press(key)), Promise.resolve());
    await keys('j');
    await expect.poll(selectedId).toBe(second);
    // 4 = complaint, then c confirms every tag and moves on.
    await keys('4', 'c');
    await expect.poll(selectedId).toBe(third);
    await keys('j', 'k');
    await expect.poll(selectedId).toBe(third);
    // 5 = praise; s moves the severity one step up the scale (wrapping); c confirms.
    await keys('5', 's', 'c');
    await expect.poll(selectedId).toBe(await idOf(3));
    // The row shows the change at once: reviewed, with ticks instead of the tagger's confidence.
    const thirdRow = rows.nth(2);
    expect(await thirdRow.textContent()).toContain('Reviewed');
    expect(await thirdRow.getByRole('list', { name: 'Tags' }).textContent()).toContain('Kind: Praise');

    // t: the theme picker; ↑ moves a draft, Enter saves it and gives focus back to the list.
    const fourth = await idOf(3);
    const picked = await api<Item>(`/insights/${fourth}`);
    const { settings } = await api<{ settings: { insights: { themes: { key: string }[] } } }>('/settings');
    const options = ['', ...settings.insights.themes.map((t) => t.key)];
    const nextTheme = options[Math.max(0, options.indexOf(picked.theme ?? '') - 1)] || null;
    await keys('t', 'ArrowUp', 'Enter');
    // a: the area picker; Escape drops the draft, nothing is saved; j moves on from the list again.
    await keys('a', 'ArrowDown', 'Escape', 'j');
    await expect.poll(selectedId).toBe(await idOf(4));

    const severities = ['low', 'medium', 'high'];
    const nextSeverity = severities[(severities.indexOf(before.severity) + 1) % severities.length];
    await expect
      .poll(async () => {
        const [a, b] = [await api<Item>(`/insights/${second}`), await api<Item>(`/insights/${third}`)];
        return { a: [a.kind, a.correctedTags.length], b: [b.kind, b.severity, b.correctedTags.length] };
      }, SLOW)
      .toEqual({ a: ['complaint', 4], b: ['praise', nextSeverity, 4] });
    // The theme saved; the area (Escape) did not. (Near-duplicates of earlier rows may carry more ticks.)
    await expect.poll(async () => (await api<Item>(`/insights/${fourth}`)).theme, SLOW).toBe(nextTheme);
    const themed = await api<Item>(`/insights/${fourth}`);
    expect(themed.areaId).toBe(picked.areaId);
    expect(themed.correctedTags).toContain('theme');
    expect(themed.correctedTags).not.toContain('area');
    await priya.close();
  });

  it('routes the top themes to their PMs when Product Ops runs the triage', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/insights/routings',
      heading: 'Routed themes',
    });
    await priya.getByRole('button', { name: 'Run triage now' }).click();
    await expect
      .poll(() => priya.locator('.live-status').textContent(), SLOW)
      .toMatch(/^Routed \d+ themes? to their PMs\.$/);
    const pricing = priya.getByRole('row', { name: /Pricing/ });
    await pricing.waitFor(SLOW);
    expect(await pricing.textContent()).toContain('Maya Chen');
    expect(await pricing.textContent()).toContain('Billing');

    await priya.goto(`${server.url}/insights/themes?days=7`);
    const card = priya.getByRole('article', { name: /Pricing/ });
    await card.waitFor(SLOW);
    await card.getByRole('img', { name: /^Severity mix: / }).waitFor();
    await card.getByRole('link', { name: 'Pricing' }).click();
    await priya.getByRole('heading', { level: 1, name: 'Theme: Pricing' }).waitFor();
    await priya.getByRole('img', { name: 'Pricing: items per week by severity' }).waitFor(SLOW);
    await priya.close();
  });

  it("lets the Billing PM record won't do, with the rationale it requires", async () => {
    const maya = await signInAs(browser, server.url, 'maya@example.com', {
      path: '/insights/routings?mine=1',
      heading: 'Routed themes',
    });
    await maya.getByRole('link', { name: 'Pricing' }).click();
    await maya.getByRole('heading', { level: 1, name: 'Routed: Pricing' }).waitFor();
    const form = maya.getByRole('form', { name: 'Record the decision' });
    await form.getByLabel("Won't do").check();
    await form.getByRole('button', { name: 'Record decision' }).click();
    const rationale = form.getByLabel('Rationale');
    await expect.poll(() => rationale.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#disposition-rationale-error').textContent()).toBe("is required for won't do");

    const why = 'Double charges are fixed by the tax engine migration already planned for Q1';
    await rationale.fill(why);
    await form.getByRole('button', { name: 'Record decision' }).click();
    await expect.poll(() => form.locator('.form-status').textContent(), SLOW).toBe("Recorded: won't do.");
    const { items } = await api<{ items: { theme: string; disposition: string; rationale: string }[] }>(
      '/insights/routings',
    );
    expect(items.find((r) => r.theme === 'pricing')).toMatchObject({
      disposition: 'wont_do',
      rationale: why,
    });
    await maya.close();
  });

  it('publishes the Monthly Insights Digest with the top themes', async () => {
    const priya = await signInAs(browser, server.url, 'priya@example.com', {
      path: '/insights/digests',
      heading: 'Monthly Insights Digests',
    });
    // Issue 17: the preview first (the message, who gets it), then Publish, then Undo while it is held.
    await priya.getByRole('button', { name: /^Publish digest for .*…$/ }).click();
    const preview = priya.getByRole('region', { name: /^Preview: Publish the Monthly Insights Digest for / });
    await preview.waitFor(SLOW);
    expect(await preview.textContent()).toMatch(/\d+ messages? — /);
    await priya.getByRole('button', { name: 'Publish the digest' }).click();
    await priya.getByRole('heading', { level: 1, name: /^Monthly Insights Digest — / }).waitFor(SLOW);
    const banner = priya.locator('.undo-banner');
    await expect.poll(() => banner.textContent(), SLOW).toMatch(/messages? sent in \d+ s\./);
    const digest = priya.getByRole('article', { name: /^Monthly Insights Digest — \d{4}-\d{2}$/ });
    await digest.waitFor(SLOW);
    await digest.getByRole('heading', { level: 2, name: '1. Pricing' }).waitFor();
    expect(await digest.getByRole('heading', { level: 2, name: /^2\. / }).count()).toBe(1);
    const text = (await digest.textContent()) ?? '';
    expect(text).toContain('Owner: Maya Chen (Billing)');
    expect(text).toContain("Decision path: Won't do — Double charges are fixed");
    await banner.getByRole('button', { name: 'Undo' }).click();
    await priya.getByText(/has not been published yet/).waitFor(SLOW);
    expect(await banner.count()).toBe(0);
    await priya.close();
  });
});
