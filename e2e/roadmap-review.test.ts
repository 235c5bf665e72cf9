import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDecisionLogEntry } from '../src/shared/decisions.ts';
import type { TReview } from '../src/shared/roadmap.ts';
import { type RunningServer, useDataDir } from '../test/cli.ts';
import { apiToken, launchBrowser, signInAs, startDemoServer } from './harness.ts';

/**
 * C4 in a real browser, in the demo org: PMs changed roadmap items over the last two weeks (the demo
 * back-dates their versions). The Head of Product opens the next Roadmap Review, whose agenda lists those
 * changes, ratifies one and rejects another, records a decision linked to an item during the review and closes
 * it; a PM sees the outcomes read-only; Product Ops republishes the stakeholder view within the SLA; the view
 * shows the ratified change and not the rejected one; the decision log finds the decision, linked to the review
 * and the item, and the owner of a decision whose review date came keeps it.
 */
let server: RunningServer;
let browser: Browser;
let token = '';
let occurrenceId = '';
let decisionId = '';

const SLOW = { timeout: 15_000 };
const RATIFY = 'Scheduled report exports';
const REJECT = 'Salesforce sync v2';
const DECISION = 'Queue Salesforce writes before widening the sync';
/** Changed by Maya in the browser during the test, on top of the demo's back-dated changes. */
const EDITED = 'Invoice PDF redesign';

/** What the review said about the two items before the outcomes: the ranges stakeholders must (not) see. */
const ranges = { ratifiedTo: '', rejectedFrom: '', rejectedTo: '' };

async function api<T>(path: string): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

const reviewPath = () => `/roadmap/reviews/${occurrenceId}`;
const itemRegion = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });
const text = async (page: Page) => (await page.locator('main').textContent()) ?? '';

function signIn(email: string, path: string, heading: string | RegExp) {
  if (path.includes('/reviews/') && !occurrenceId) throw new Error('the review was not opened');
  return signInAs(browser, server.url, email, { path, heading: heading as string });
}

function reviewItem(review: TReview, title: string) {
  const item = review.areas.flatMap((a) => a.items).find((i) => i.title === title);
  if (!item) throw new Error(`${title} is not on the review`);
  return item;
}

describe('a Roadmap Review from agenda to the republished stakeholder view', () => {
  const data = useDataDir();
  beforeAll(async () => {
    server = await startDemoServer(data.env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes a change a PM makes on the web, with its why', async () => {
    const maya = await signIn('maya@example.com', '/roadmap', 'Roadmap');
    await maya.getByRole('link', { name: EDITED, exact: true }).first().click();
    await maya.getByRole('heading', { level: 1, name: EDITED }).waitFor(SLOW);
    await maya.getByRole('button', { name: 'Edit item' }).click();
    const form = maya.getByRole('form', { name: 'Edit roadmap item' });
    const latest = form.getByLabel('Latest');
    const was = await latest.inputValue();
    const later = new Date(Date.parse(`${was}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    await latest.fill(later);
    await form.getByLabel('Why').fill('Design review ran long');
    await form.getByRole('button', { name: /^Save/ }).click();
    const history = maya.getByRole('region', { name: /History/ });
    await expect.poll(() => history.textContent(), SLOW).toContain('Design review ran long');
    expect(await history.textContent()).toContain(`${EDITED} slipped 14 days`);
    await maya.close();
  });

  it('generates the agenda from the PMs’ changes of the last two weeks', async () => {
    const hana = await signIn('hana@example.com', '/roadmap/reviews', 'Roadmap Reviews');
    token = await apiToken(hana, server.url, 'e2e roadmap');
    await hana
      .getByRole('table', { name: /^Upcoming/ })
      .getByRole('link')
      .first()
      .click();
    await hana.getByRole('heading', { level: 1, name: /^Roadmap Review, / }).waitFor(SLOW);
    occurrenceId = /\/roadmap\/reviews\/([0-9a-f-]{36})$/.exec(hana.url())?.[1] ?? '';
    expect(occurrenceId).not.toBe('');

    // The pack's 45 minutes in four time boxes, with the changes in them.
    const agenda = hana.getByRole('region', { name: 'Agenda (45 min)' });
    const boxes = agenda.getByRole('heading', { level: 3 });
    expect(await boxes.allTextContents()).toEqual([
      expect.stringMatching(/^5 min Product Ops: highlight changes/),
      expect.stringMatching(/^25 min PMs: walk through changes/),
      expect.stringMatching(/^10 min Decisions/),
      expect.stringMatching(/^5 min Action items/),
    ]);
    const agendaText = (await agenda.textContent()) ?? '';
    for (const title of [RATIFY, REJECT, 'Tax engine upgrade', 'Offline mode for mobile'])
      expect(agendaText).toContain(title);
    expect(agendaText).toMatch(
      new RegExp(`Billing — Maya Chen \\(\\d(\\.5)? min\\): .*${EDITED} slipped 14 days`),
    );
    // A decision whose review date arrived is on the agenda by itself.
    expect(agendaText).toMatch(
      /Revisit #\d+ Bill usage monthly in arrears \(Maya Chen; review date \d{4}-\d{2}-\d{2}\)/,
    );
    expect(agendaText).toMatch(/Integrations — Tom Novak \(\d(\.5)? min\)/);

    // The changes were made over two weeks, by the PMs, with their why.
    const review = await api<TReview>(`/roadmap/reviews/${occurrenceId}`);
    const notes = review.areas.flatMap((a) => a.items.flatMap((i) => i.notes));
    const ages = notes.map((n) => (Date.now() - Date.parse(n.at)) / 86_400_000);
    expect(Math.max(...ages)).toBeGreaterThan(8);
    expect(Math.min(...ages)).toBeLessThan(0.1); // Maya's, just now
    expect(await itemRegion(hana, EDITED).textContent()).toContain('Design review ran long');
    const rejected = itemRegion(hana, REJECT);
    expect(await rejected.textContent()).toContain('Salesforce API limits need a queue first');
    expect(await rejected.textContent()).toContain('Awaiting ratification');

    const slipped = reviewItem(review, REJECT).changes.find((c) => c.kind === 'slipped');
    const pulledIn = reviewItem(review, RATIFY).changes.find((c) => c.kind === 'pulled_in');
    ranges.rejectedFrom = slipped?.from ?? '';
    ranges.rejectedTo = slipped?.to ?? '';
    ranges.ratifiedTo = pulledIn?.to ?? '';
    expect(ranges.rejectedTo).not.toBe('');
    expect(ranges.ratifiedTo).not.toBe('');
    expect(await rejected.locator('.change-to').allTextContents()).toContain(ranges.rejectedTo);

    // Nothing is ratified before the review starts.
    expect(await hana.getByRole('button', { name: /^Ratify/ }).count()).toBe(0);
    expect(await rejected.textContent()).toContain('Start the review to ratify changes.');
    await hana.close();
  });

  it('lets the Head of Product run it: timer, ratify, reject, a decision linked to an item, close', async () => {
    const hana = await signIn('hana@example.com', reviewPath(), /^Roadmap Review, /);
    await hana.getByRole('button', { name: 'Start review' }).click();
    await hana.getByRole('button', { name: 'Close review' }).waitFor(SLOW);

    await hana.getByRole('button', { name: 'Start 5-minute timer of time box 1' }).click();
    const timer = hana.getByRole('timer', { name: 'Time box 1' });
    await expect.poll(() => timer.textContent(), SLOW).toMatch(/^4:5\d left$/);
    await hana.getByRole('button', { name: /^Stop timer/ }).click();

    const ratified = itemRegion(hana, RATIFY);
    // Issue 17: each call is previewed first (what stakeholders will read, who is told), then confirmed.
    await ratified.getByLabel('Note (required to reject)').fill('Sales can announce it');
    await ratified.getByRole('button', { name: 'Ratify…' }).click();
    await ratified.getByRole('region', { name: `Preview: Ratify the changes to ${RATIFY}` }).waitFor(SLOW);
    await ratified.getByRole('button', { name: 'Ratify the changes' }).click();
    await ratified.getByText('Ratified', { exact: true }).waitFor(SLOW);
    expect(await ratified.getByRole('button', { name: /^Ratify/ }).count()).toBe(0);

    const rejected = itemRegion(hana, REJECT);
    await rejected.getByRole('button', { name: 'Reject…' }).click();
    const why = rejected.getByLabel(/^Why the changes are rejected/);
    await why.fill('Stakeholders keep the range they were told');
    await why.blur();
    const preview = rejected.getByRole('region', { name: `Preview: Reject the changes to ${REJECT}` });
    await expect
      .poll(() => preview.textContent(), SLOW)
      .toContain('Stakeholders keep the range they were told');
    await rejected.getByRole('button', { name: 'Reject the changes' }).click();
    await rejected.getByText('Rejected', { exact: true }).waitFor(SLOW);
    // The banner offers the undo while the PM's message waits (the ratification's banner, still in its window,
    // moves to the layout: two banners, each naming its action).
    await hana
      .locator('.undo-banner', { hasText: `Rejected: ${REJECT}` })
      .getByRole('button', { name: 'Undo' })
      .waitFor(SLOW);

    // The decision form: the schema's messages first, then the entry, linked to the item and this review.
    await rejected.getByRole('button', { name: `Record a decision about ${REJECT}` }).click();
    const form = hana.getByRole('form', { name: 'Record a decision' });
    await expect.poll(() => form.getByLabel(`${REJECT} (Integrations)`).isChecked(), SLOW).toBe(true);
    await form.getByRole('button', { name: 'Record decision' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor(SLOW);
    expect(await summary.textContent()).toContain('Decision is required');
    expect(await summary.textContent()).toContain('list the options considered');
    await form.getByLabel('Decision').fill(DECISION);
    await form.getByLabel('Context').fill('Salesforce API limits: a wider sync would be throttled.');
    await form.getByLabel('Option 1').fill('Queue writes first, keep the current range');
    await form.getByLabel('Option 2').fill('Widen the sync now and slip to Q1');
    await form.getByLabel('Rationale').fill('Stakeholders keep the range they were told.');
    await form.getByRole('button', { name: 'Record decision' }).click();
    const recorded = hana.getByRole('list', { name: 'Decisions recorded in this review' });
    await recorded.getByRole('link', { name: new RegExp(DECISION) }).waitFor(SLOW);
    decisionId =
      /\/decisions\/([0-9a-f-]{36})$/.exec(
        (await recorded.getByRole('link', { name: new RegExp(DECISION) }).getAttribute('href')) ?? '',
      )?.[1] ?? '';
    expect(decisionId).not.toBe('');

    // An action item with its owner, for the agenda's last box.
    const assign = hana.getByRole('form', { name: 'Assign an action item' });
    await assign.getByLabel('Action item').fill('Confirm the Salesforce API quota');
    await assign.getByLabel('Owner').selectOption({ label: 'Tom Novak' });
    await assign.getByRole('button', { name: 'Assign' }).click();
    const actions = hana.getByRole('list', { name: 'Action items and owners' });
    await expect
      .poll(() => actions.textContent(), SLOW)
      .toContain('Confirm the Salesforce API quota — Tom Novak');
    expect(await hana.getByRole('region', { name: 'Agenda (45 min)' }).textContent()).toContain(
      'Action: Confirm the Salesforce API quota (owner Tom Novak)',
    );

    await hana.getByRole('button', { name: 'Close review' }).click();
    const state = hana.getByRole('region', { name: 'Review state' });
    await expect
      .poll(() => state.textContent(), SLOW)
      .toMatch(/Closed [\s\S]*Waiting[\s\S]*Republish the stakeholder view by/);
    await hana.close();
  });

  it('shows a PM the outcomes without ratification controls', async () => {
    const maya = await signIn('maya@example.com', reviewPath(), /^Roadmap Review, /);
    expect(await itemRegion(maya, RATIFY).textContent()).toContain('Ratified');
    expect(await itemRegion(maya, REJECT).textContent()).toContain('Rejected');
    for (const name of ['Ratify…', 'Reject…', 'Start review', 'Close review', 'Republish stakeholder view…'])
      expect(await maya.getByRole('button', { name, exact: true }).count()).toBe(0);
    expect(await text(maya)).toContain(DECISION);
    await maya.close();
  });

  it('lets Product Ops republish within the SLA: stakeholders see the ratified change, not the rejected one', async () => {
    const priya = await signIn('priya@example.com', reviewPath(), /^Roadmap Review, /);
    // Issue 17: the preview first (who hears of which move), then Republish; messages wait for the undo window.
    await priya.getByRole('button', { name: 'Republish stakeholder view…' }).click();
    const preview = priya.getByRole('region', { name: /^Preview: Republish the stakeholder roadmap view/ });
    await preview.waitFor(SLOW);
    expect(await preview.textContent()).toMatch(/Stakeholders read version \d+ from now on/);
    await priya.getByRole('button', { name: 'Republish now' }).click();
    await priya.locator('.undo-banner').waitFor(SLOW);
    const state = priya.getByRole('region', { name: 'Review state' });
    await expect.poll(() => state.textContent(), SLOW).toMatch(/Met\s*Republished /);

    const view = await api<{ view: { items: { title: string; rangeText: string }[] } }>('/roadmap/view');
    const range = (title: string) => view.view.items.find((i) => i.title === title)?.rangeText;
    expect(range(RATIFY)).toBe(ranges.ratifiedTo);
    expect(range(REJECT)).toBe(ranges.rejectedFrom);

    await priya.getByRole('link', { name: 'Open the stakeholder view' }).click();
    await priya.waitForURL(/\/roadmap\/view$/);
    // The list of versions names the ratified change too: wait for the view itself.
    const has = (t: string) => [REJECT, ranges.rejectedFrom, ranges.ratifiedTo].every((x) => t.includes(x));
    await expect.poll(async () => has(await text(priya)), SLOW).toBe(true);
    expect(await text(priya)).not.toContain(ranges.rejectedTo);

    await priya.goto(`${server.url}/roadmap/reviews`);
    const row = priya.getByRole('row', { name: /Closed/ }).first();
    await expect.poll(() => row.textContent(), SLOW).toContain('Met');
    await priya.close();
  });

  it('finds the decision in the log, linked to the review and the item', async () => {
    const hana = await signIn('hana@example.com', '/decisions', 'Decision log');
    const log = hana.getByRole('table', { name: /Decision log/ });
    await log.waitFor(SLOW);
    await hana.getByLabel('Roadmap item').selectOption({ label: `${REJECT} (Integrations)` });
    await hana.waitForURL(/roadmapItemId=/);
    await expect.poll(() => log.getByRole('row').count(), SLOW).toBe(2);
    await log.getByRole('link', { name: new RegExp(DECISION) }).click();
    await hana.getByRole('heading', { level: 1, name: new RegExp(DECISION) }).waitFor(SLOW);

    expect(await hana.getByRole('link', { name: 'the Roadmap Review' }).getAttribute('href')).toBe(
      reviewPath(),
    );
    const item = hana.getByRole('link', { name: REJECT, exact: true });
    expect(await item.getAttribute('href')).toMatch(/^\/roadmap\/items\/[0-9a-f-]{36}$/);
    expect(await hana.getByRole('list', { name: 'History, oldest first' }).textContent()).toContain(
      'Recorded',
    );
    const entry = await api<TDecisionLogEntry>(`/decisions/${decisionId}`);
    expect(entry.occurrenceId).toBe(occurrenceId);
    expect(entry.roadmapItems.map((i) => i.title)).toEqual([REJECT]);

    // Search, and a superseded entry marked and linked to its replacement.
    await hana.goto(`${server.url}/decisions`);
    await hana.getByLabel('Search').fill('opt-in');
    await hana.waitForURL(/q=opt-in/);
    const old = hana.getByRole('row', { name: /Onboarding checklist is opt-in/ });
    await expect.poll(() => old.textContent(), SLOW).toMatch(/Superseded by #\d+/);
    await old.getByRole('link', { name: /^#\d+$/ }).click();
    await hana.getByRole('heading', { level: 1, name: /Show the onboarding checklist/ }).waitFor(SLOW);
    expect(await text(hana)).toMatch(/Supersedes decision #\d+: Onboarding checklist is opt-in/);
    await hana.close();
  });

  it('lets the owner keep a decision whose review date came, with a note and the next review date', async () => {
    const maya = await signIn('maya@example.com', '/decisions?due=true', 'Decision log');
    const row = maya.getByRole('row', { name: /Bill usage monthly in arrears/ });
    await expect.poll(() => row.textContent(), SLOW).toContain('Review due');
    await row.getByRole('link', { name: /Bill usage monthly in arrears/ }).click();
    await maya.getByRole('heading', { level: 1, name: /Bill usage monthly in arrears/ }).waitFor(SLOW);
    expect(await text(maya)).toContain('Nothing here is edited in place');
    const form = maya.getByRole('form', { name: 'Revisit this decision' });
    await form.getByLabel('Keep it (it still holds)').check();
    await form.getByLabel('Why it still holds').fill('Finance still closes monthly.');
    await form.getByRole('button', { name: 'Record the revisit' }).click();
    await maya.getByText(/^Kept\. Next review /).waitFor(SLOW);
    const history = maya.getByRole('list', { name: 'History, oldest first' });
    await expect.poll(() => history.textContent(), SLOW).toContain('Revisited: kept');
    expect(await history.textContent()).toContain('Finance still closes monthly.');
    expect(await text(maya)).not.toContain('Review due');
    await maya.close();
  });

  it('shows on a release and on an insights theme where they sit on the roadmap and what was decided', async () => {
    const sam = await signIn('sam@example.com', '/releases', 'Releases');
    await sam.getByRole('link', { name: 'Usage-based billing', exact: true }).first().click();
    await sam.getByRole('heading', { level: 1, name: 'Usage-based billing' }).waitFor(SLOW);
    const onRelease = sam.getByRole('region', { name: 'On the roadmap' });
    await expect.poll(() => onRelease.textContent(), SLOW).toContain('#1 Bill usage monthly in arrears');
    expect(await onRelease.getByRole('list', { name: 'Roadmap items' }).textContent()).toMatch(
      /^Usage-based billing — Billing, /,
    );
    await sam.goto(`${server.url}/insights/themes/onboarding`);
    const onTheme = sam.getByRole('region', { name: 'On the roadmap' });
    await expect.poll(() => onTheme.textContent(), SLOW).toContain('Guided onboarding checklist');
    expect(await onTheme.textContent()).toContain('Show the onboarding checklist to every new workspace');
    await sam.close();
  });
});
