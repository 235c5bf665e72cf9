import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makeArea, makePerson } from '../../../test/factories.ts';
import {
  artifactVersions,
  followUps,
  occurrenceAttendance,
  outbox,
  ritualOccurrences,
  rituals,
  scheduledActions,
} from '../../db/schema/index.ts';
import { renderEmail } from '../../integrations/email/render.ts';
import { createMarkdown } from '../../integrations/markdown.ts';
import { toSlackPayload } from '../../integrations/slack/blocks.ts';
import { runDueActions } from '../../jobs/actions.ts';
import { manualClock } from '../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { systemActor } from '../actor.ts';
import { syncRitualOccurrences } from '../cadence/occurrences.ts';
import { updateSettings } from '../org/settings.ts';
import { recordDecision as recordGoNoGo } from '../releases/readiness.ts';
import { createRelease, updateRelease } from '../releases/releases.ts';
import type { ActionRow } from '../scheduling.ts';
import { ensureCycle } from './cycles.ts';
import { publishWeeklyUpdate, weeklyUpdateAutoPublish } from './publish.ts';
import { markAbsent, submitUpdate } from './submissions.ts';

let d: TestDatabase;
const ops = systemActor('priya@example.com');
const WEEK = '2026-W48'; // published Thursday 2026-11-26 (org time)
/** The Friday before that week: its update is being written. */
const NOW = new Date('2026-11-20T15:00:00Z');
/** After Thursday's publication. */
const AFTER = new Date('2026-11-26T22:00:00Z');

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  await updateSettings({
    db: d.db,
    actor: ops,
    settings: { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' },
    now: NOW,
  });
});
afterAll(() => d.close());

describe('publishing the weekly product update', () => {
  it('follows the template, computes highlights at the window edges, and corrects with a new version', async () => {
    const maya = await makePerson(d.db, { roles: ['pm'], name: 'Maya Chen' });
    const lead = await makePerson(d.db, { roles: ['eng_lead'], name: 'Ravi Lead' });
    const billing = await makeArea(d.db, { name: 'Billing', ownerPmId: maya.id, engLeadId: lead.id });
    const leo = await makePerson(d.db, { roles: ['pm'], name: 'Leo Martins' });
    await makeArea(d.db, { name: 'Onboarding', ownerPmId: leo.id });
    const nora = await makePerson(d.db, { roles: ['pm'], name: 'Nora Lind' });
    const security = await makeArea(d.db, { name: 'Security', ownerPmId: nora.id });
    const sales = await makePerson(d.db, { function: 'sales', roles: ['stakeholder'] });
    await submitUpdate({
      db: d.db,
      actor: ops,
      week: WEEK,
      areaId: billing.id,
      content: {
        wins: ['Invoices v2'],
        next: ['Dunning'],
        risks: ['Tax engine vendor late'],
        metrics: ['MRR +2%'],
        links: [],
      },
      now: NOW,
    });
    await markAbsent({
      db: d.db,
      actor: ops,
      week: WEEK,
      areaId: security.id,
      reason: 'Leave',
      now: NOW,
    });
    const today = await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Usage billing', areaId: billing.id, tier: 3, targetDate: '2026-11-26' },
      now: NOW,
    });
    await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Exactly 14 days out', areaId: billing.id, tier: 2, targetDate: '2026-12-10' },
      now: NOW,
    });
    await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Fifteen days out', areaId: billing.id, tier: 2, targetDate: '2026-12-11' },
      now: NOW,
    });
    // Held at go/no-go: the update must not announce it as launching (issue 13, finding 1).
    const held = await createRelease({
      db: d.db,
      actor: ops,
      input: { title: 'Tax engine', areaId: billing.id, tier: 2, targetDate: '2026-11-27' },
      now: NOW,
    });
    await recordGoNoGo({
      db: d.db,
      actor: ops,
      releaseId: held.id,
      input: { decision: 'hold', reason: 'Not certified' },
      now: NOW,
    });
    const v1 = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: new Date('2026-11-26T21:00:00Z'),
    });
    const lines = v1.markdown.split('\n');
    expect(lines[0]).toBe('# Weekly Product Update — 2026-11-26');
    expect(lines).toContain('## Org-wide highlights (Product Ops)');
    expect(lines).toContain('## Billing — Maya Chen');
    // Leo (missing) and Nora (absent) get a line each under one heading, not a section each.
    expect(lines.slice(-4)).toEqual([
      "## Not in this week's update",
      '- Security: no update this week (Leave)',
      '- No update received from Onboarding (Leo Martins)',
      '',
    ]);
    expect(v1.json.highlights.keyLaunches.map((l) => l.title)).toEqual(['Usage billing']);
    expect(v1.json.highlights.upcomingLaunches.map((l) => l.title)).toEqual(['Exactly 14 days out']);
    expect(v1.json.highlights.heldLaunches.map((l) => l.title)).toEqual(['Tax engine']);
    expect(v1.markdown).toContain(
      '- On hold (not launching until a new go decision):\n  - Billing: Tax engine',
    );
    expect(v1.json.areas.map((a) => a.status)).toEqual(['submitted', 'missing', 'absent']);
    expect(v1.version).toBe(1);

    // The launch moves out of the window: the next version drops it and says so.
    await updateRelease({
      db: d.db,
      actor: ops,
      id: today.id,
      patch: { targetDate: '2027-01-15' },
      now: AFTER,
    });
    const v2 = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: WEEK,
      now: AFTER,
      note: 'Usage billing moved to January',
    });
    expect(v2.version).toBe(2);
    expect(v2.json.highlights.keyLaunches).toEqual([]);
    expect(v2.changes[0]).toBe('Usage billing moved to January');
    expect(v2.changes.slice(1).join('\n')).toMatch(/Usage billing/);

    // Attendance of the async ritual is contribution: Maya submitted, Nora is absent (excused), Leo owes it.
    const [ritual] = await d.db.select().from(rituals).where(eq(rituals.slug, 'weekly-product-update'));
    const [occ] = await d.db
      .select()
      .from(ritualOccurrences)
      .where(and(eq(ritualOccurrences.ritualId, ritual!.id), eq(ritualOccurrences.key, '2026-11-26')));
    const attendance = await d.db
      .select()
      .from(occurrenceAttendance)
      .where(eq(occurrenceAttendance.occurrenceId, occ!.id));
    const present = (id: string) => attendance.find((a) => a.personId === id)?.present;
    expect([present(maya.id), present(nora.id), present(leo.id)]).toEqual([true, true, false]);

    // Follow-up for the flagged risk, to the PM and eng lead, once across versions.
    const fu = await d.db.select().from(followUps).where(eq(followUps.areaId, billing.id));
    expect(fu).toHaveLength(1);
    expect(fu[0]).toMatchObject({
      title: 'Tax engine vendor late',
      status: 'open',
      assigneeIds: [maya.id, lead.id],
    });

    // Delivered to the default subscribers (Sales reads the weekly update), once per version.
    const mine = await d.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'weekly_update'), eq(outbox.personId, sales.id)));
    expect(mine.map((r) => r.ref).sort()).toEqual([`${WEEK}:v1`, `${WEEK}:v1`, `${WEEK}:v2`, `${WEEK}:v2`]);
  });

  it('marks the ritual artifact produced, and auto-publishes only if nobody published yet', async () => {
    const [ritual] = await d.db.select().from(rituals).where(eq(rituals.slug, 'weekly-product-update'));
    await d.db.transaction((tx) =>
      syncRitualOccurrences(tx, ritual!.id, { now: new Date('2026-11-20T12:00:00Z') }),
    );
    const week = '2026-W49';
    const action: ActionRow = {
      id: 'x',
      kind: 'weekly_update.publish',
      key: `weekly_update.publish:${week}`,
      dueAt: new Date(),
      latePolicy: 'run_late',
      graceSeconds: 0,
      payload: { week },
      status: 'pending',
      attempts: 0,
      lastError: null,
      ranAt: null,
      ranBy: null,
      createdAt: new Date(),
    };
    await d.db.transaction((tx) =>
      weeklyUpdateAutoPublish({
        tx,
        action,
        payload: { week },
        now: new Date('2026-12-03T21:00:00Z'),
      }),
    );
    await d.db.transaction((tx) =>
      weeklyUpdateAutoPublish({
        tx,
        action,
        payload: { week },
        now: new Date('2026-12-03T21:05:00Z'),
      }),
    );
    const [occ] = await d.db
      .select()
      .from(ritualOccurrences)
      .where(and(eq(ritualOccurrences.ritualId, ritual!.id), eq(ritualOccurrences.key, '2026-12-03')));
    expect(occ).toMatchObject({ status: 'held', artifactRef: `/updates/${week}` });
    expect(occ!.artifactProducedAt!.toISOString()).toBe('2026-12-03T21:00:00.000Z');
    const versions = await d.db.select().from(outbox).where(eq(outbox.kind, 'weekly_update'));
    expect(
      versions
        .filter((r) => r.ref.startsWith(`${week}:`))
        .map((r) => r.ref)
        .every((ref) => ref === `${week}:v1`),
    ).toBe(true);
  });
});

describe('publication after downtime, and user text everywhere', () => {
  it('publishes exactly once when the server comes back at 16:30 after being down at 16:00', async () => {
    const week = '2026-W45'; // Thursday 2026-11-05, 16:00 America/New_York = 21:00Z
    // The cycle was opened (and its publication scheduled) before 16:00; then the server was down.
    await d.db.transaction((tx) => ensureCycle(tx, week, new Date('2026-11-05T12:00:00Z')));
    const handlers = {
      'weekly_update.publish': weeklyUpdateAutoPublish,
      'weekly_update.remind': async () => {},
    };
    // Back "at 16:30" (any time after): two instances run what is due, concurrently and then again.
    const clock = manualClock('2026-11-05T21:30:00Z');
    await Promise.all([
      runDueActions({ db: d.db, handlers, clock, instance: 'a' }),
      runDueActions({ db: d.db, handlers, clock, instance: 'b' }),
    ]);
    await runDueActions({ db: d.db, handlers, clock, instance: 'a' });
    const versions = await d.db.select().from(artifactVersions).where(eq(artifactVersions.key, week));
    expect(versions.map((v) => v.version)).toEqual([1]);
    const [action] = await d.db
      .select()
      .from(scheduledActions)
      .where(eq(scheduledActions.key, `weekly_update.publish:${week}`));
    expect(action).toMatchObject({ status: 'done' });
  });

  it('never lets a script through: page JSON, email HTML, Slack and the feed get it as text', async () => {
    const pm = await makePerson(d.db, { roles: ['pm'] });
    const area = await makeArea(d.db, { name: 'Scripted', ownerPmId: pm.id });
    const evil = 'Shipped **bold** <script>alert(1)</script> [docs](javascript:alert(2))';
    await submitUpdate({
      db: d.db,
      actor: ops,
      week: '2026-W51',
      areaId: area.id,
      content: { wins: [evil], next: [], risks: [], metrics: [], links: [] },
      now: new Date('2026-12-16T15:00:00Z'),
    });
    const published = await publishWeeklyUpdate({
      db: d.db,
      actor: ops,
      week: '2026-W51',
      now: new Date('2026-12-17T21:00:00Z'),
    });
    expect(published.json.areas.find((a) => a.areaName === 'Scripted')?.update?.wins).toEqual([evil]); // stored as written
    const [row] = await d.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'weekly_update'), eq(outbox.ref, '2026-W51:v1')))
      .limit(1);
    const message = row!.message as Parameters<typeof renderEmail>[0];
    const email = renderEmail(message, { unsubscribeUrl: 'https://x.example/u', orgName: 'Acme' });
    expect(email.html).not.toMatch(/<script/i);
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).toContain('<strong>bold</strong>');
    expect(email.html).not.toMatch(/href="javascript:/i);
    const slack = JSON.stringify(toSlackPayload(message));
    expect(slack).not.toContain('<script>');
    expect(slack).toContain('&lt;script&gt;');
    const html = createMarkdown().render(published.markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="javascript:/i);
  });
});
