import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { startSmtpPeer } from '../test/peers.ts';
import {
  launchBrowser,
  makePrivateFeedAddress,
  setUndoWindow,
  signInAs,
  startDemoServer,
} from './harness.ts';

/**
 * C3 in a real browser: three PMs write their five bullets in the compose form (and one is late, through the
 * API, for a week already due), Product Ops publishes, a stakeholder reads the page and the Atom feed.
 * (The email leg of the test, with a real SMTP server, is not here yet.)
 */
let server: RunningServer;
let browser: Browser;

const signIn = (email: string) =>
  signInAs(browser, server.url, email, { path: '/updates', heading: 'Weekly update' });

const board = (page: Page) => page.locator('table.status-board');

/** The week the board shows ("Week 2026-W47 (this week)"). */
async function shownWeek(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 2, name: /^Week \d{4}-W\d{2}/ });
  await heading.waitFor();
  return /\d{4}-W\d{2}/.exec((await heading.textContent()) ?? '')?.[0] ?? '';
}

const BULLETS = {
  'maya@example.com': {
    area: 'Billing',
    wins: 'Shipped invoice previews to every plan',
    next: 'Usage-based billing **beta**',
    risks: 'Tax engine vendor contract renewal',
  },
  'leo@example.com': {
    area: 'Onboarding',
    wins: 'Guided checklist reached 40 percent of new workspaces',
    next: 'Checklist for admins',
    risks: '',
  },
  'aisha@example.com': {
    area: 'Reporting',
    wins: 'Dashboard copy fixes are live <script>window.__xss = 1</script>',
    next: 'Scheduled report exports',
    risks: '',
  },
} as const;

async function compose(email: keyof typeof BULLETS) {
  const b = BULLETS[email];
  const page = await signIn(email);
  await board(page).waitFor();
  await page.getByRole('link', { name: `Write my update for ${b.area}` }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${b.area} — `) }).waitFor();
  await page.getByLabel('Wins / shipped').fill(b.wins);
  await page.getByLabel("What's next").fill(`- ${b.next}\n\n`);
  await page.getByLabel('Risks / asks').fill(b.risks);
  await page.getByLabel('Metrics snapshot').fill('Weekly active users steady');
  await page.getByLabel('Links (PRDs/specs/notes)').fill('https://example.com/prd');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect.poll(() => page.locator('.form-status').textContent()).toMatch(/^Submitted/);
  // After the reload the form shows what was kept: one bullet per line, the list marker gone.
  await expect.poll(() => page.getByLabel("What's next").inputValue()).toBe(b.next);
  return page;
}

describe('the weekly update in a browser', () => {
  const data = useDataDir();
  let week = '';
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  beforeAll(async () => {
    // A real SMTP server receives the published update's emails.
    smtp = await startSmtpPeer();
    server = await startDemoServer({ ...data.env, SMTP_URL: smtp.url });
    // Messages wait out the undo window (60 s by default) before they leave: 2 s here.
    await setUndoWindow(server.url, 2);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('keeps a submission made after the due time, marked late', async () => {
    const page = await signIn('maya@example.com');
    week = await shownWeek(page);
    await page.getByRole('button', { name: '← Previous week' }).click();
    const lastWeek = await expect
      .poll(async () => await shownWeek(page))
      .not.toBe(week)
      .then(() => shownWeek(page));
    const areaId = await board(page)
      .getByRole('link', { name: 'Write my update for Billing' })
      .getAttribute('href')
      .then((href) => href?.split('/').at(-1) ?? '');
    const csrf = (await page.context().cookies()).find((c) => c.name === 'prodops_csrf')?.value ?? '';
    const res = await page.request.put(`${server.url}/api/v1/updates/${lastWeek}/areas/${areaId}`, {
      headers: { 'X-CSRF-Token': csrf },
      data: {
        content: { wins: ['Late bullet from last week'], next: [], risks: [], metrics: [], links: [] },
      },
    });
    expect(res.status()).toBe(200);
    await page.reload();
    const row = board(page).getByRole('row', { name: /Billing/ });
    await expect.poll(() => row.textContent()).toMatch(/Late/);
    await page.close();
  });

  it('takes three PMs’ updates through the compose form, with last week’s beside it', async () => {
    const maya = await compose('maya@example.com');
    expect(await maya.locator('.previous-update').textContent()).toContain('Late bullet from last week');
    await maya.close();
    await (await compose('leo@example.com')).close();
    await (await compose('aisha@example.com')).close();
  });

  it('lets Product Ops publish, and a stakeholder read the page and the Atom feed', async () => {
    const ops = await signIn('priya@example.com');
    expect(await shownWeek(ops)).toBe(week);
    const rows = board(ops);
    await expect
      .poll(() => rows.getByRole('row', { name: /Onboarding/ }).textContent())
      .toMatch(/Late|Submitted/);
    // The server may already have published the week automatically (its 16:00 has passed): then it is a correction.
    // Two steps: the first click previews who is missing and who gets it; a correction also asks for a note.
    await ops.getByRole('button', { name: /^Publish (now|a correction)…$/ }).click();
    await expect
      .poll(() => ops.getByRole('region', { name: /^Preview: Publish/ }).textContent())
      .toMatch(/areas? (is|are) missing: /);
    const go = ops.getByRole('button', { name: /^Publish( the correction)?$/ });
    await go.waitFor();
    const note = ops.getByLabel(/What this correction changes/);
    if (await note.count()) await note.fill('PM updates that came in after the automatic publication');
    await go.click();
    await expect.poll(() => ops.locator('.live-status').first().textContent()).toMatch(/published/i);
    await ops.getByRole('button', { name: 'Publish a correction…' }).waitFor();
    await ops.screenshot({ path: '/tmp/updates-board.png', fullPage: true });
    await ops.close();

    const sam = await signIn('sam@example.com');
    expect(await sam.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
    await sam.getByRole('link', { name: 'Read the published update' }).click();
    const article = sam.locator('article.weekly-update');
    await article.waitFor();
    const text = (await article.textContent()) ?? '';
    expect(text).toContain('Org-wide highlights (Product Ops)');
    expect(text).toContain('Key launches this week');
    for (const b of Object.values(BULLETS)) {
      expect(text).toContain(b.wins);
      expect(text).toContain(b.next.replaceAll('**', '')); // markdown renders: the stars become bold
    }
    // The flagged risk is in the cross-cutting section; the script is shown as text and never ran.
    expect(
      await sam.getByRole('region', { name: 'Org-wide highlights (Product Ops)' }).textContent(),
    ).toContain(BULLETS['maya@example.com'].risks);
    expect(await sam.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await article.locator('strong', { hasText: 'beta' }).count()).toBeGreaterThan(0);
    // The areas without an update are named once, on one line, not as a red section each.
    const notIn = (await sam.getByRole('region', { name: "Not in this week's update" }).textContent()) ?? '';
    for (const area of ['Integrations', 'Payments', 'Mobile', 'Admin & Security', 'Search']) {
      expect(notIn).toContain(area);
      expect(await sam.getByRole('region', { name: new RegExp(`^${area} — `) }).count()).toBe(0);
    }

    const feed = await fetch(await makePrivateFeedAddress(sam));
    expect(feed.status).toBe(200);
    const xml = await feed.text();
    expect(xml).toContain('<entry>');
    expect(xml).toContain(BULLETS['leo@example.com'].wins);
    expect(xml).not.toContain('<script>');

    // The same update reached Sam's inbox through SMTP (Sales reads the weekly update by default).
    const unfold = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/\r?\n[ \t]+/g, ' ');
    await expect
      .poll(
        () =>
          smtp.messages
            .filter((m) => m.to.includes('sam@example.com'))
            .map((m) => unfold(m.raw))
            .join('\n'),
        { timeout: 20_000 },
      )
      .toContain(BULLETS['leo@example.com'].wins);
    // Sam also gets the demo releases' enablement bundles: pick the weekly update.
    const mail = smtp.messages
      .filter((m) => m.to.includes('sam@example.com'))
      .map((m) => unfold(m.raw))
      .find((m) => m.includes(BULLETS['leo@example.com'].wins))!;
    expect(mail).toContain(BULLETS['maya@example.com'].wins);
    expect(mail).toMatch(/^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/api\/v1\/unsubscribe\//m);
    await sam.screenshot({ path: '/tmp/updates-published.png', fullPage: true });
    await sam.close();
  });

  it('opens a follow-up for the flagged risk, which its PM closes', async () => {
    const maya = await signIn('maya@example.com');
    const risk = BULLETS['maya@example.com'].risks;
    const panel = maya.getByRole('region', {
      name: 'Open follow-ups (flagged risks, Roadmap Review actions)',
    });
    const item = panel.getByRole('listitem').filter({ hasText: risk });
    await item.waitFor();
    expect(await item.textContent()).toContain('Billing');
    expect(await item.textContent()).toContain(week);
    await item.getByRole('button', { name: `Close follow-up: ${risk}` }).click();
    await expect.poll(() => panel.getByRole('listitem').filter({ hasText: risk }).count()).toBe(0);
    await maya.close();
  });
});
