import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson, makePod, signedIn } from '../../../../test/factories.ts';
import { auditLog, bugs, insightItems, outbox } from '../../../db/schema/index.ts';
import { systemActor } from '../../../services/actor.ts';
import { updateSettings } from '../../../services/org/settings.ts';
import { BUG_NUDGE_KIND, BUG_PROMPT_KIND, watchBugs } from '../../../services/quality/bug-watch.ts';
import { syncBugsFromInsights } from '../../../services/quality/bugs-sync.ts';
import type { TBug, TBugBacklog, TBugList } from '../../../shared/bugs.ts';
import { addWeeks, isoWeekKey } from '../../../shared/calendar.ts';
import { manualClock } from '../../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';

/**
 * Issue 15, no bug backlog: bugs from groups of near-duplicate `bug` feedback, their age on the org's calendar
 * (New York here), the per-area backlog against zero, the decision (fix now / won't fix) and who may take it,
 * the once-only prompt to the area's PM and the week's rotation, and the weekly nudge — on the real app.
 */
const TZ = 'America/New_York';
// Thursday 10 December 2026, 07:00 in New York (ISO week 2026-W50).
const clock = manualClock('2026-12-10T12:00:00Z');
const ops = systemActor('ops');
let t: TestApp;
type Who = Awaited<ReturnType<typeof signedIn>>;
const who = {} as Record<'maya' | 'noor' | 'ravi' | 'esi' | 'ops' | 'sales', Who>;
const ids = { billing: '', reporting: '', inactive: '' };

/** Groups of near-duplicate reports, by their key. */
const GROUP = { export: 101n, vat: 102n, dashboard: 103n, confused: 104n, pdf: 105n, orphan: 106n };
let n = 0;
/** One feedback item of a group, at an instant, in an area, tagged as a kind. */
async function report(group: bigint, at: string, areaId: string | null, title: string, kind = 'bug') {
  n += 1;
  await t.database.db.insert(insightItems).values({
    source: 'support',
    externalId: `r-${n}`,
    title: `${title} #${n}`,
    occurredAt: new Date(at),
    kind: kind as 'bug',
    kindConfidence: 1,
    severity: 'high',
    areaId,
    dupKey: group,
  });
}

const api = async <T>(method: 'GET' | 'POST', url: string, as: Who, payload?: object) => {
  const res = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: as.headers,
    ...(payload ? { payload } : {}),
  });
  return { status: res.statusCode, body: res.json() as T };
};
const list = async (q = '', as = who.maya) => (await api<TBugList>('GET', `/quality/bugs${q}`, as)).body;
const bugNamed = async (title: string) => (await list()).bugs.find((b) => b.title.startsWith(title))!;
const messages = async (kind: string) =>
  (await t.database.db.select().from(outbox).where(eq(outbox.kind, kind))).filter(
    (r) => r.channel === 'inbox',
  );

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  await updateSettings({ db, actor: ops, settings: { ...DEFAULT_SETTINGS, timeZone: TZ }, now: clock.now() });
  who.maya = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  who.noor = await signedIn(db, ['pm'], { name: 'Noor Haddad' });
  who.ravi = await signedIn(db, ['engineer'], { name: 'Ravi Rao' });
  who.esi = await signedIn(db, ['engineer'], { name: 'Esi Mensah' });
  who.ops = await signedIn(db, ['product_ops'], { name: 'Olga Ops' });
  who.sales = await signedIn(db, ['stakeholder'], { function: 'sales' });
  ids.inactive = (await makePerson(db, { roles: ['engineer'], name: 'Gone Person', active: false })).id;
  ids.billing = (await makeArea(db, { name: 'Billing', slug: 'billing', ownerPmId: who.maya.person.id })).id;
  ids.reporting = (
    await makeArea(db, { name: 'Reporting', slug: 'reporting', ownerPmId: who.noor.person.id })
  ).id;
  const week = isoWeekKey('2026-12-10');
  await makePod(db, {
    areaId: ids.billing,
    members: [
      { personId: who.ravi.person.id, role: 'engineer' },
      { personId: who.esi.person.id, role: 'engineer' },
    ],
    rotation: [
      { week: addWeeks(week, -1), personId: who.esi.person.id },
      { week, personId: who.ravi.person.id },
    ],
  });
  // Billing: the export bug, first reported 02 Dec (8 days ago), three times; VAT, first on 03 Dec in New York
  // (04 Dec 02:00 UTC is 03 Dec 21:00 there: exactly 7 days ago).
  await report(GROUP.export, '2026-12-02T15:00:00Z', ids.billing, 'Invoice export crashes');
  await report(GROUP.export, '2026-12-05T15:00:00Z', ids.billing, 'Invoice export crashes');
  await report(GROUP.export, '2026-12-09T15:00:00Z', ids.billing, 'Invoice export crashes');
  await report(GROUP.vat, '2026-12-04T02:00:00Z', ids.billing, 'Wrong VAT');
  // Reporting: a slow dashboard since 01 Dec (9 days); its area has no pod, so no rotation: its PM alone.
  await report(GROUP.dashboard, '2026-12-01T15:00:00Z', ids.reporting, 'Dashboard slow');
  // Not a bug: a confused customer.
  await report(GROUP.confused, '2026-11-20T15:00:00Z', ids.billing, 'Where is the invoice', 'confusion');
}, 120_000);
afterAll(() => t.close());

describe('bugs from the feedback', () => {
  it('makes one bug of a group of near-duplicates, and a second sync writes nothing', async () => {
    const db = t.database.db;
    expect(await syncBugsFromInsights(db, clock.now())).toEqual({
      created: 3,
      updated: 0,
      closed: 0,
      reopened: 0,
    });
    const rows = await db.select().from(bugs);
    expect(rows).toHaveLength(3);
    const exported = rows.find((b) => b.externalId === String(GROUP.export))!;
    expect(exported).toMatchObject({
      source: 'insights',
      areaId: ids.billing,
      title: 'Invoice export crashes #1',
      openedOn: '2026-12-02',
      reports: 3,
      state: 'open',
    });
    const audit = (await db.select().from(auditLog).where(eq(auditLog.entityType, 'bug'))).length;
    expect(await syncBugsFromInsights(db, clock.now())).toEqual({
      created: 0,
      updated: 0,
      closed: 0,
      reopened: 0,
    });
    expect(await db.select().from(bugs)).toEqual(rows);
    expect((await db.select().from(auditLog).where(eq(auditLog.entityType, 'bug'))).length).toBe(audit);
    // A fourth report joins the same bug.
    await report(GROUP.export, '2026-12-10T11:00:00Z', ids.billing, 'Invoice export crashes');
    expect(await syncBugsFromInsights(db, clock.now())).toMatchObject({ created: 0, updated: 1 });
    expect((await bugNamed('Invoice export')).reports).toBe(4);
    expect(await db.select().from(bugs)).toHaveLength(3);
  });

  it('ages bugs in the org’s zone: exactly the limit is within it, a day more is over', async () => {
    const { bugs: all, maxOpenDays, today, target } = await list('?state=open');
    expect({ maxOpenDays, today, target }).toEqual({ maxOpenDays: 7, today: '2026-12-10', target: 0 });
    const view = (title: string) => all.find((b) => b.title.startsWith(title))!;
    expect(view('Wrong VAT')).toMatchObject({
      openedOn: '2026-12-03',
      ageDays: 7,
      overLimit: false,
      awaitingDecision: false,
    });
    expect(view('Invoice export')).toMatchObject({ ageDays: 8, overLimit: true, awaitingDecision: true });
    // Oldest first.
    expect(all.map((b) => b.ageDays)).toEqual([9, 8, 7]);
    expect((await list(`?areaId=${ids.reporting}`)).bugs.map((b) => b.title)).toEqual(['Dashboard slow #5']);
    expect((await list('?state=closed')).bugs).toEqual([]);
  });

  it('shows each area’s backlog against zero, to the product org only', async () => {
    const { status, body } = await api<TBugBacklog>('GET', '/quality/bugs/backlog', who.ravi);
    expect(status).toBe(200);
    const billing = body.areas.find((a) => a.area?.id === ids.billing)!;
    expect(billing).toMatchObject({
      open: 2,
      oldestAgeDays: 8,
      overLimit: 1,
      awaitingDecision: 1,
      fixNow: 0,
    });
    expect(billing.deciders).toEqual([
      { personId: who.maya.person.id, name: 'Maya Chen', as: 'pm' },
      { personId: who.ravi.person.id, name: 'Ravi Rao', as: 'rotation' },
    ]);
    expect(body.areas.find((a) => a.area?.id === ids.reporting)).toMatchObject({ open: 1, oldestAgeDays: 9 });
    expect(body).toMatchObject({ target: 0, week: '2026-W50' });
    expect((await api('GET', '/quality/bugs/backlog', who.sales)).status).toBe(403);
    expect((await api('GET', '/quality/bugs', who.sales)).status).toBe(403);
  });
});

describe('the prompt and the weekly nudge', () => {
  it('asks the PM and this week’s rotation once, when a bug passes the limit undecided', async () => {
    const db = t.database.db;
    const first = await watchBugs(db, clock.now());
    expect(first.prompted.sort()).toEqual(['Dashboard slow #5', 'Invoice export crashes #1']);
    const asked = await messages(BUG_PROMPT_KIND);
    const billing = asked.filter((m) => m.ref === ids.billing);
    expect(billing.map((m) => m.personId).sort()).toEqual([who.maya.person.id, who.ravi.person.id].sort());
    expect(billing[0]!.message).toMatchObject({
      title: 'Bug open 8 days: Invoice export crashes #1',
      actions: [
        {
          label: 'Fix now…',
          url: expect.stringMatching(/^\/areas\/.+\?bug=.+&decision=fix_now#bug-backlog$/),
        },
        { label: "Won't fix…", url: expect.stringContaining('decision=wont_fix') },
      ],
    });
    // Reporting has no rotation: its PM alone.
    expect(asked.filter((m) => m.ref === ids.reporting).map((m) => m.personId)).toEqual([who.noor.person.id]);
    // Just asked: this week's nudge waits (they heard today).
    expect(first.nudged).toEqual([]);
    // The same day again: nobody is asked twice.
    expect((await watchBugs(db, clock.now())).prompted).toEqual([]);
    expect(await messages(BUG_PROMPT_KIND)).toHaveLength(3);
  });

  it('asks about the bug that was exactly at the limit the next day, and nudges once per ISO week', async () => {
    const db = t.database.db;
    clock.set('2026-12-11T12:00:00Z'); // Friday
    const friday = await watchBugs(db, clock.now());
    expect(friday.prompted).toEqual(['Wrong VAT #4']);
    expect(friday.nudged.sort()).toEqual(['Billing', 'Reporting']);
    const nudges = await messages(BUG_NUDGE_KIND);
    const billing = nudges.find((m) => m.ref === ids.billing)!;
    expect(billing.message).toMatchObject({ title: 'Billing: 1 bug waiting for a decision (2026-W50)' });
    expect(nudges.filter((m) => m.ref === ids.billing)).toHaveLength(2); // Maya and Ravi
    clock.set('2026-12-13T12:00:00Z'); // Sunday: the same week
    expect((await watchBugs(db, clock.now())).nudged).toEqual([]);
    clock.set('2026-12-14T12:00:00Z'); // Monday: a new week, still undecided
    expect((await watchBugs(db, clock.now())).nudged.sort()).toEqual(['Billing', 'Reporting']);
    const monday = (await messages(BUG_NUDGE_KIND)).filter(
      (m) => m.ref === ids.billing && (m.message as { title: string }).title.includes('2026-W51'),
    );
    expect((monday[0]!.message as { title: string }).title).toBe(
      'Billing: 2 bugs waiting for a decision (2026-W51)',
    );
    // W51 has no rotation in Billing's pod: Maya alone.
    expect(monday.map((m) => m.personId)).toEqual([who.maya.person.id]);
    clock.set('2026-12-10T12:00:00Z');
  });

  it('asks Product Ops about a bug of no area, with its reports to give it one', async () => {
    const db = t.database.db;
    await report(GROUP.orphan, '2026-12-01T15:00:00Z', null, 'Login page flickers');
    expect((await watchBugs(db, clock.now())).prompted).toEqual([`Login page flickers #${n}`]);
    const asked = (await messages(BUG_PROMPT_KIND)).filter(
      (m) => m.ref !== ids.billing && m.ref !== ids.reporting,
    );
    expect(asked.map((m) => m.personId)).toEqual([who.ops.person.id]);
    expect(asked[0]!.message).toMatchObject({
      link: { label: 'Give it an area', url: `/insights?group=${GROUP.orphan}` },
      sections: [{ markdown: expect.stringContaining('Product Ops: the bug has no area yet') }],
    });
    const backlog = (await api<TBugBacklog>('GET', '/quality/bugs/backlog', who.ops)).body;
    expect(backlog.areas.at(-1)).toMatchObject({ area: null, open: 1, awaitingDecision: 1 });
  });
});

describe('deciding', () => {
  const decide = (id: string, body: object, as: Who) =>
    api<TBug>('POST', `/quality/bugs/${id}/decision`, as, body);

  it("won't fix needs a reason: 400 naming it, nothing written", async () => {
    const bug = await bugNamed('Invoice export');
    for (const body of [{ decision: 'wont_fix' }, { decision: 'wont_fix', reason: '   ' }]) {
      const res = await decide(bug.id, body, who.maya);
      expect(res.status).toBe(400);
      expect((res.body as unknown as { error: { fields: { path: string }[] } }).error.fields).toEqual([
        { path: 'reason', message: "say why it won't be fixed" },
      ]);
    }
    const bad = await decide(bug.id, { decision: 'later' }, who.maya);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('"path":"decision"');
    expect((await bugNamed('Invoice export')).disposition).toBeNull();
  });

  it('fix now needs an active assignee; the rotation of this week may decide, last week’s may not', async () => {
    const bug = await bugNamed('Invoice export');
    for (const assigneeId of [ids.inactive, crypto.randomUUID()]) {
      const res = await decide(bug.id, { decision: 'fix_now', assigneeId }, who.ravi);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('"path":"assigneeId"');
    }
    expect(
      (await decide(bug.id, { decision: 'fix_now', assigneeId: who.esi.person.id }, who.esi)).status,
    ).toBe(403);
    expect(
      (await decide(bug.id, { decision: 'fix_now', assigneeId: who.esi.person.id }, who.noor)).status,
    ).toBe(403);
    const res = await decide(bug.id, { decision: 'fix_now', assigneeId: who.esi.person.id }, who.ravi);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      disposition: 'fix_now',
      assignee: { id: who.esi.person.id, name: 'Esi Mensah' },
      decidedBy: 'Ravi Rao',
      state: 'open',
      awaitingDecision: false,
      permissions: { decide: true, close: true },
    });
    // Esi hears she fixes it; the backlog counts it as being fixed.
    const told = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'quality.bug_assigned'), eq(outbox.channel, 'inbox')));
    expect(told.map((m) => m.personId)).toEqual([who.esi.person.id]);
    const backlog = (await api<TBugBacklog>('GET', '/quality/bugs/backlog', who.maya)).body;
    expect(backlog.areas.find((a) => a.area?.id === ids.billing)).toMatchObject({
      fixNow: 1,
      awaitingDecision: 0,
    });
    // Esi may close it (she fixes it) but not decide it.
    const asEsi = (await list('', who.esi)).bugs.find((b) => b.id === bug.id)!;
    expect(asEsi.permissions).toEqual({ decide: false, close: true });
  });

  it("won't fix with a reason closes the bug; a closed bug takes no decision; the audit log keeps each", async () => {
    const vat = await bugNamed('Wrong VAT');
    const res = await decide(
      vat.id,
      { decision: 'wont_fix', reason: 'Only affects a retired plan' },
      who.ops,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'closed',
      closedReason: 'wont_fix',
      disposition: 'wont_fix',
      wontFixReason: 'Only affects a retired plan',
      permissions: { decide: false, close: false },
    });
    expect(
      (await decide(vat.id, { decision: 'fix_now', assigneeId: who.ravi.person.id }, who.ops)).status,
    ).toBe(409);
    const exported = await bugNamed('Invoice export');
    const closed = await api<TBug>('POST', `/quality/bugs/${exported.id}/close`, who.esi);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', closedReason: 'fixed', closedBy: 'Esi Mensah' });
    expect((await api('POST', `/quality/bugs/${exported.id}/close`, who.maya)).status).toBe(409);
    const history = await t.database.db
      .select({ action: auditLog.action, change: auditLog.change })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'bug'), like(auditLog.action, 'bugs.%')));
    expect(history.filter((h) => h.action === 'bugs.decide')).toHaveLength(2);
    expect(history.filter((h) => h.action === 'bugs.close')).toHaveLength(1);
    // Closed bugs leave the backlog; the closed list has them.
    expect((await list('?state=closed')).bugs.map((b) => b.closedReason).sort()).toEqual([
      'fixed',
      'wont_fix',
    ]);
    const backlog = (await api<TBugBacklog>('GET', '/quality/bugs/backlog', who.maya)).body;
    expect(backlog.areas.find((a) => a.area?.id === ids.billing)).toMatchObject({
      open: 0,
      oldestAgeDays: null,
    });
  });

  it('closes a bug whose reports are no longer tagged bugs, and opens it again when they are', async () => {
    const db = t.database.db;
    await report(GROUP.pdf, '2026-12-09T15:00:00Z', ids.reporting, 'PDF export blank');
    await syncBugsFromInsights(db, clock.now());
    const retag = (kind: string) =>
      db
        .update(insightItems)
        .set({ kind: kind as 'bug' })
        .where(eq(insightItems.dupKey, GROUP.pdf));
    await retag('confusion');
    expect(await syncBugsFromInsights(db, clock.now())).toMatchObject({ closed: 1, reopened: 0 });
    expect((await bugNamed('PDF export')).closedReason).toBe('not_a_bug');
    await retag('bug');
    expect(await syncBugsFromInsights(db, clock.now())).toMatchObject({ closed: 0, reopened: 1 });
    expect(await bugNamed('PDF export')).toMatchObject({ state: 'open', closedReason: null });
  });
});
