import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_SECTIONS } from '../src/domain/releases/bundle.ts';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { startSmtpPeer } from '../test/peers.ts';
import { apiToken, launchBrowser, setUndoWindow, signInAs, startDemoServer, unfoldMail } from './harness.ts';

/**
 * C5 in a real browser: a Tier 3 release from draft to launch in the demo org. After every step the gate is
 * checked twice, on the page's gate panel and through GET /releases/:id/gate with an API token (what CI
 * calls): still not ready, and the reason just addressed is gone. Only the last requirement opens it.
 */
let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let token = '';
let releaseId = '';

const TITLE = 'Invoice API v2 GA';
const SECTION_TEXT = (heading: string) => `${heading}: written for the e2e launch.`;

/** The first load after start can be slow (a cold server, a cold browser): polls wait up to this. */
const SLOW = { timeout: 15_000 };

interface GateReply {
  ready: boolean;
  reasons: string[];
}

function signIn(email: string, path = `/releases/${releaseId}`, heading = TITLE) {
  // Without the release the first test made, every later step would only time out.
  if (path.endsWith('/releases/')) throw new Error('the release was not created');
  return signInAs(browser, server.url, email, { path, heading });
}

async function apiGate(): Promise<GateReply> {
  const res = await fetch(`${server.url}/api/v1/releases/${releaseId}/gate`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as GateReply;
}

const gatePanel = (page: Page) => page.getByRole('region', { name: 'Release gate' });

/**
 * After a step: the addressed reasons are gone from the page's panel and the API, every reason the API still
 * gives is on the panel, and the gate is (not) ready as expected.
 */
async function expectGate(page: Page, gone: (string | RegExp)[], ready = false) {
  const panel = gatePanel(page);
  const has = (text: string, r: string | RegExp) => (typeof r === 'string' ? text.includes(r) : r.test(text));
  await expect
    .poll(async () => {
      const text = (await panel.textContent()) ?? '';
      return gone.filter((r) => has(text, r)).map(String);
    }, SLOW)
    .toEqual([]);
  const api = await apiGate();
  expect(api.ready).toBe(ready);
  for (const r of gone) expect(api.reasons.filter((x) => has(x, r))).toEqual([]);
  const text = (await panel.textContent()) ?? '';
  for (const reason of api.reasons) expect(text).toContain(reason);
  expect(text).toContain(ready ? 'Ready to ship' : 'Not ready to ship');
  return api;
}

/** A business-day-safe launch: five weeks out is at least 15 business days even with the demo's holidays. */
function launchDate(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 35);
  return d.toISOString().slice(0, 10);
}

describe('a Tier 3 release from draft to launch in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startDemoServer({ ...data.env, SMTP_URL: smtp.url });
    // Carla's emailed link is the point here: no undo window, the distribution goes at once (e2e/broadcast.test.ts
    // covers the window).
    await setUndoWindow(server.url, 0);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('lets the PM create it with the tier the attributes suggest', async () => {
    const maya = await signIn('maya@example.com', '/releases', 'Releases');
    token = await apiToken(maya, server.url, 'e2e gate');
    await maya.getByRole('button', { name: 'New release' }).click();
    const form = maya.getByRole('form', { name: 'New release' });
    await form.getByLabel('Title').fill(TITLE);
    expect(await form.getByLabel('Area').locator('option:checked').textContent()).toBe('Billing');
    await form.getByLabel('Target launch date').fill(launchDate());
    await form.getByLabel('Eng owner').selectOption({ label: 'Ravi Engineer' });
    await form.getByLabel('GA launch (Tier 3)').check();
    await form.getByLabel('API change (Tier 2)').check();
    const suggestion = form.locator('.tier-suggestion');
    // In words (labels, not keys), for both ticked boxes.
    await expect
      .poll(() => suggestion.textContent(), SLOW)
      .toBe('Suggested: Tier 3 (High): GA launch implies Tier 3; API change implies Tier 2.');
    expect(await form.getByLabel('Assigned tier').inputValue()).toBe('3');
    // Nothing below the suggestion: no reason asked for.
    expect(await form.getByLabel('Why a lower tier than suggested?').count()).toBe(0);
    await form.getByRole('button', { name: 'Create release' }).click();
    await maya.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    releaseId = /\/releases\/([0-9a-f-]{36})$/.exec(maya.url())?.[1] ?? '';
    expect(releaseId).not.toBe('');

    const start = await expectGate(maya, []);
    expect(start.reasons).toEqual(
      expect.arrayContaining([
        ...BUNDLE_SECTIONS.map((s) => `Missing bundle section: ${s.heading}`),
        expect.stringMatching(/^Bundle not distributed yet \(due \d{4}-\d{2}-\d{2}\)\.$/),
        expect.stringMatching(/^Final bundle not published yet/),
        'Missing sign-off: Support readiness',
        'Missing sign-off: Sales readiness',
        'Missing sign-off: Eng: monitoring in place',
        'Missing sign-off: Eng: rollback ready',
        'Missing sign-off: Training session for Support/Sales held',
        'No go/no-go decision recorded.',
      ]),
    );
    expect(start.reasons).toHaveLength(9 + 2 + 5 + 1);
    const lead = maya.getByRole('region', { name: 'Lead time' });
    expect(await lead.textContent()).not.toContain('Missed');

    // The bundle in two saves: each save takes exactly its sections off the gate.
    const [first, rest] = [BUNDLE_SECTIONS.slice(0, 5), BUNDLE_SECTIONS.slice(5)];
    const bundle = maya.getByRole('form', { name: 'Enablement bundle draft' });
    for (const part of [first, rest]) {
      for (const s of part) await bundle.getByLabel(s.heading, { exact: true }).fill(SECTION_TEXT(s.heading));
      await bundle.getByRole('button', { name: 'Save bundle' }).click();
      const after = await expectGate(
        maya,
        part.map((s) => `Missing bundle section: ${s.heading}`),
      );
      if (part === first) expect(after.reasons).toContain(`Missing bundle section: ${rest[0]!.heading}`);
    }
    expect(await maya.getByRole('list', { name: 'Bundle checklist' }).textContent()).not.toContain(
      'Not written yet',
    );
    await maya.close();
  });

  it('gets the bundle distributed by Product Ops, and Support confirms with the emailed one-click link', async () => {
    const priya = await signIn('priya@example.com');
    // First what it sends and to whom, then the distribution itself.
    await priya.getByRole('button', { name: 'Distribute to Support & Sales…' }).click();
    const preview = priya.getByRole('region', { name: /^Preview: Distribute the bundle/ });
    await preview.waitFor(SLOW);
    expect(await preview.textContent()).toMatch(/Carla Diaz/);
    await priya.getByRole('button', { name: 'Distribute', exact: true }).click();
    // The gate's regex reasons never match the panel's whole text: wait for the request itself to finish.
    await expect
      .poll(() => priya.locator('#section-bundle .live-status').textContent(), SLOW)
      .toBe('Distributed to Support and Sales.');
    await expectGate(priya, [/^Bundle not distributed yet/]);
    expect(await priya.getByRole('list', { name: 'Bundle versions' }).textContent()).toContain(
      'distributed for readiness',
    );
    await priya.close();

    // Carla's copy of the distribution carries her private "I'm ready (Support)" link.
    const carlaMail = () =>
      smtp.messages
        .filter((m) => m.to.includes('carla@example.com'))
        .map((m) => unfoldMail(m.raw))
        .find((m) => m.includes(TITLE) && m.includes('/ready/')) ?? '';
    await expect.poll(carlaMail, { timeout: 20_000 }).toContain("I'm ready (Support)");
    const mail = carlaMail();
    const link = /https?:\/\/[^\s"<>]+\/ready\/[A-Za-z0-9_-]{16,64}/.exec(mail)?.[0] ?? '';
    expect(link.startsWith(`${server.url}/ready/`)).toBe(true);

    // No session: the page confirms on its own and does not send her to the sign-in page.
    const carla = await browser.newPage();
    await carla.goto(link);
    const thanks = carla.getByRole('status');
    await expect
      .poll(() => thanks.textContent(), SLOW)
      .toMatch(
        new RegExp(`^Thanks, Carla Diaz: Support readiness for ${TITLE} \\(launch .+\\) is recorded\\.$`),
      );
    expect(carla.url()).toBe(link);
    await carla.screenshot({ path: '/tmp/release-ready.png' });
    // A wrong link says so, still without a sign-in.
    await carla.goto(`${server.url}/ready/not-a-real-token-0000`);
    await expect
      .poll(() => carla.getByRole('alert').textContent(), SLOW)
      .toContain('this readiness link is not valid');
    expect(carla.url()).toContain('/ready/');
    await carla.close();
    const ops = await signIn('priya@example.com');
    await expectGate(ops, ['Missing sign-off: Support readiness']);
    expect(await ops.getByRole('list', { name: 'Sign-offs' }).textContent()).toContain(
      'Carla Diaz (one-click link)',
    );
    await ops.close();
  });

  it('collects Sales, Eng and training sign-offs on the page, one reason at a time', async () => {
    const sam = await signIn('sam@example.com');
    // Sales may confirm only Sales.
    expect(await sam.getByRole('button', { name: /^Confirm Eng/ }).count()).toBe(0);
    await sam.getByLabel('Note for Sales readiness (optional)').fill('Talk track reviewed with the team');
    await sam.getByRole('button', { name: 'Confirm Sales readiness' }).click();
    await expectGate(sam, ['Missing sign-off: Sales readiness']);
    await sam.close();

    const ravi = await signIn('ravi@example.com');
    await ravi.getByRole('button', { name: 'Confirm Eng: monitoring in place' }).click();
    await expectGate(ravi, ['Missing sign-off: Eng: monitoring in place']);
    await ravi.getByRole('button', { name: 'Confirm Eng: rollback ready' }).click();
    await expectGate(ravi, ['Missing sign-off: Eng: rollback ready']);
    expect(await ravi.getByRole('button', { name: /^Confirm Training/ }).count()).toBe(0);
    await ravi.close();
  });

  it('opens the gate only with the training, the final bundle and the PM’s ship decision', async () => {
    const priya = await signIn('priya@example.com');
    await priya.getByRole('button', { name: 'Confirm Training session for Support/Sales held' }).click();
    await expectGate(priya, ['Missing sign-off: Training session for Support/Sales held']);
    await priya.getByRole('button', { name: 'Publish final bundle…' }).click();
    await priya.getByRole('region', { name: /^Preview: Publish the final bundle/ }).waitFor(SLOW);
    await priya.getByRole('button', { name: 'Publish the final bundle', exact: true }).click();
    await expect
      .poll(() => priya.locator('#section-bundle .live-status').textContent(), SLOW)
      .toBe('Final bundle published.');
    const left = await expectGate(priya, [/^Final bundle not published yet/]);
    expect(left.reasons).toEqual(['No go/no-go decision recorded.']);
    await priya.close();

    const maya = await signIn('maya@example.com');
    const decision = maya.getByRole('form', { name: 'Record the go/no-go decision' });
    await decision.getByRole('radio', { name: 'Ship' }).check();
    await decision.getByLabel('Why').fill('Support and Sales are ready; monitoring and rollback in place.');
    await decision.getByRole('button', { name: 'Record decision' }).click();
    const open = await expectGate(maya, ['No go/no-go decision recorded.'], true);
    expect(open.reasons).toEqual([]);
    expect(await maya.getByRole('list', { name: 'Decisions, newest first' }).textContent()).toContain('Ship');
    expect(await gatePanel(maya).getByLabel('In CI/CD, before deploying').inputValue()).toContain(
      `prodops release gate ${releaseId}`,
    );

    // Launch: the Day 3 check-in and the Day 14 retro appear.
    await maya.getByRole('button', { name: 'Mark launched' }).click();
    const post = maya.getByRole('region', { name: 'Post-launch' });
    await post.waitFor();
    await post.getByRole('heading', { name: /^Day 3 check-in/ }).waitFor();
    await post.getByRole('heading', { name: /^Day 14 retro/ }).waitFor();
    const day3 = maya.getByRole('form', { name: 'Day 3 check-in' });
    await day3.getByLabel('Support ticket spike?').fill('No spike');
    await day3.getByRole('button', { name: 'Save day 3 check-in' }).click();
    await expect.poll(() => day3.locator('.form-status').textContent(), SLOW).toBe('Saved.');
    // The retro asks for its action items the first time; they go to Product Ops.
    const day14 = maya.getByRole('form', { name: 'Day 14 retro' });
    await day14.getByLabel('What went well in the launch process?').fill('Readiness was visible to all');
    await day14.getByLabel('Action item 1').fill('Draft the talk track with Sales earlier');
    await day14.getByRole('button', { name: 'Save day 14 retro' }).click();
    await expect
      .poll(() => post.locator('.action-items').textContent(), SLOW)
      .toContain('Draft the talk track with Sales earlier (Priya Shah)');
    expect(await day14.getByLabel('Action item 1').count()).toBe(0);
    expect(await maya.locator('.details').first().textContent()).toContain('Launched');
    await maya.screenshot({ path: '/tmp/release-launched.png', fullPage: true });

    // The list filters by status and tier (kept in the URL).
    await maya.goto(`${server.url}/releases?tier=3`);
    const list = maya.getByRole('table', { name: 'Releases by target date' });
    await list.getByRole('link', { name: TITLE }).waitFor();
    await maya.getByLabel('Status').selectOption({ label: 'Planned' });
    await expect.poll(() => list.getByRole('link', { name: TITLE }).count(), SLOW).toBe(0);
    await maya.getByLabel('Status').selectOption({ label: 'Launched' });
    await list.getByRole('link', { name: TITLE }).waitFor();
    expect(maya.url()).toMatch(/[?&]status=launched/);

    // The launch calendar shows it in its month.
    await maya.goto(`${server.url}/releases/calendar?month=${launchDate().slice(0, 7)}`);
    await maya.getByRole('heading', { level: 1, name: 'Launch calendar' }).waitFor();
    await maya
      .getByRole('region', { name: /^Launches in / })
      .getByRole('link', { name: TITLE })
      .waitFor();
    await maya.close();
  });

  it('links a release to the roadmap item it ships, from the new-release form and from the release page', async () => {
    const maya = await signIn('maya@example.com', '/releases', 'Releases');
    await maya.getByRole('button', { name: 'New release' }).click();
    const form = maya.getByRole('form', { name: 'New release' });
    await form.getByLabel('Title').fill('Usage alerts');
    await form.getByLabel('Target launch date').fill(launchDate());
    await form.getByLabel('UI copy change (Tier 1)').check();
    const picker = form.getByLabel('Roadmap item it ships');
    // The choices are the area's items (Billing): title, area and range.
    const choices = (await picker.locator('option').allTextContents()).slice(1);
    expect(choices.length).toBeGreaterThan(0);
    for (const c of choices) expect(c).toMatch(/ \(Billing, .+\)$/);
    await picker.selectOption({ label: choices[0]! });
    const itemTitle = choices[0]!.replace(/ \(Billing, .+\)$/, '');
    await form.getByRole('button', { name: 'Create release' }).click();
    await maya.getByRole('heading', { level: 1, name: 'Usage alerts' }).waitFor();
    const onRoadmap = maya.getByRole('region', { name: 'On the roadmap' });
    await onRoadmap.getByRole('link', { name: itemTitle }).waitFor(SLOW);
    expect(await onRoadmap.getByRole('form', { name: 'Link to a roadmap item' }).count()).toBe(0);

    // The Tier 3 release above was made without one: its page offers the link.
    await maya.goto(`${server.url}/releases/${releaseId}`);
    await maya.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const link = maya.getByRole('form', { name: 'Link to a roadmap item' });
    // Its range may have widened to hold the new release's launch: the item is found by its title.
    const linkPicker = link.getByLabel('Roadmap item it ships');
    // The choices load after the form: wait for the item's option before choosing it.
    const optionOf = async () =>
      (await linkPicker.locator('option').allTextContents()).find((o) => o.startsWith(`${itemTitle} (`));
    await expect.poll(optionOf, SLOW).toBeDefined();
    const option = await optionOf();
    // The page may re-render the form once its loads settle: choose again until the choice holds.
    await expect
      .poll(async () => {
        await linkPicker.selectOption({ label: option! });
        return linkPicker.inputValue();
      }, SLOW)
      .not.toBe('');
    await link.getByRole('button', { name: 'Link item' }).click();
    await maya
      .getByRole('region', { name: 'On the roadmap' })
      .getByRole('link', { name: itemTitle })
      // Linking a launched release republishes the stakeholder view and tells its subscribers: slower on a busy machine.
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => link.count(), SLOW).toBe(0);
    const items = await (await maya.request.get(`${server.url}/api/v1/roadmap/items?limit=100`)).json();
    const item = items.items.find((i: { title: string }) => i.title === itemTitle);
    expect(item.releaseIds).toEqual(expect.arrayContaining([releaseId]));
    await maya.close();
  });

  it('saves the settings form with every field, the new release rules included', async () => {
    const admin = await signIn('admin@example.com', '/settings', 'Settings');
    const before = await (await admin.request.get(`${server.url}/api/v1/settings`)).json();
    await admin.getByRole('button', { name: 'Edit settings' }).click();
    const form = admin.getByRole('form', { name: 'Edit settings' });
    expect(await form.getByLabel('Attribute 1 key').inputValue()).toBe('ui_copy_change');
    expect(await form.getByLabel('Launch Readiness Check time').inputValue()).toBe('10:00');
    await form.getByRole('button', { name: 'Save' }).click();
    await admin.getByRole('button', { name: 'Edit settings' }).waitFor();
    const after = await (await admin.request.get(`${server.url}/api/v1/settings`)).json();
    expect(after).toEqual(before);
    await admin.close();
  });
});
