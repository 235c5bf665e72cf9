import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePerson, makeTeam, signedIn } from '../../../../test/factories.ts';
import { outbox } from '../../../db/schema/index.ts';
import type { OutgoingMessage } from '../../../integrations/message.ts';
import { systemActor } from '../../../services/actor.ts';
import { createApiToken } from '../../../services/auth/tokens.ts';
import { systemClock } from '../../../shared/clock.ts';

let t: TestApp;
let ops: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  t = await createTestApp();
  ops = await signedIn(t.database.db, ['product_ops']);
  admin = await signedIn(t.database.db, ['admin']);
});
afterAll(() => t.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function auditFor(entityId: string) {
  const res = await call('GET', `/api/v1/audit?entityId=${entityId}`, ops.headers);
  return res.json().items as { action: string; actorLabel: string; change: Record<string, unknown> }[];
}

describe('people', () => {
  it('creates, reads, updates and deletes a person, auditing each change with its actor', async () => {
    const created = await call('POST', '/api/v1/people', ops.headers, {
      name: 'Zed Support',
      email: 'Zed@Example.com',
      function: 'support',
      roles: ['stakeholder'],
      slackId: 'U024BE7LH',
    });
    expect(created.statusCode).toBe(201);
    const person = created.json();
    expect(person).toMatchObject({
      email: 'zed@example.com',
      canSignIn: false,
      slackId: 'U024BE7LH',
      permissions: { update: true, delete: false },
    });
    const patched = await call('PATCH', `/api/v1/people/${person.id}`, ops.headers, { function: 'cs' });
    expect(patched.json().function).toBe('cs');
    expect((await call('DELETE', `/api/v1/people/${person.id}`, admin.headers)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/people/${person.id}`, ops.headers)).statusCode).toBe(404);
    const log = await auditFor(person.id);
    expect(log.map((e) => e.action)).toEqual(['person.delete', 'person.update', 'person.create']);
    expect(log[1]).toMatchObject({
      actorLabel: ops.person.email,
      change: { function: { from: 'support', to: 'cs' } },
    });
  });

  it('answers 409 naming the field for a duplicate email', async () => {
    const existing = await makePerson(t.database.db);
    const res = await call('POST', '/api/v1/people', ops.headers, {
      name: 'Dup',
      email: existing.email.toUpperCase(),
      function: 'sales',
      roles: ['stakeholder'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', fields: [{ path: 'email' }] });
  });

  it('pages and searches', async () => {
    for (let i = 0; i < 5; i++) await makePerson(t.database.db, { name: `Pager ${i}` });
    const first = (await call('GET', '/api/v1/people?q=pager&limit=2', ops.headers)).json();
    expect(first.items.map((p: { name: string }) => p.name)).toEqual(['Pager 0', 'Pager 1']);
    const second = (
      await call('GET', `/api/v1/people?q=pager&limit=2&cursor=${first.nextCursor}`, ops.headers)
    ).json();
    expect(second.items.map((p: { name: string }) => p.name)).toEqual(['Pager 2', 'Pager 3']);
    const last = (
      await call('GET', `/api/v1/people?q=pager&limit=2&cursor=${second.nextCursor}`, ops.headers)
    ).json();
    expect(last).toMatchObject({ items: [{ name: 'Pager 4' }], nextCursor: null });
    const bad = await call('GET', '/api/v1/people?cursor=garbage', ops.headers);
    expect(bad.json().error.fields[0].path).toBe('cursor');
  });

  it('lets people edit their own name and password (with the current one) but not their roles', async () => {
    const me = await signedIn(t.database.db, ['stakeholder'], { password: 'the old password' });
    const change = (body: object, headers = me.headers) =>
      call('PATCH', `/api/v1/people/${me.person.id}`, headers, body);
    const missing = await change({ password: 'a brand new password' });
    expect(missing.json().error.fields).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    const wrong = await change({ password: 'a brand new password', currentPassword: 'not it at all' });
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'currentPassword' });
    const ok = await change({
      name: 'New Me',
      password: 'a brand new password',
      currentPassword: 'the old password',
    });
    expect(ok.statusCode).toBe(200);
    expect((await change({ roles: ['admin'] })).statusCode).toBe(403);
    expect((await change({ roles: ['pm'] }, ops.headers)).statusCode).toBe(403);
    expect((await change({ email: 'mine@example.com' }, ops.headers)).statusCode).toBe(403);
    expect((await change({ password: 'set by product ops' }, ops.headers)).statusCode).toBe(403);
    expect((await change({ roles: ['pm'] }, admin.headers)).statusCode).toBe(200);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: me.person.email, password: 'a brand new password' },
    });
    expect(signIn.statusCode).toBe(200);
    const log = await auditFor(me.person.id);
    expect(JSON.stringify(log)).not.toContain('a brand new password');
  });

  it('refuses the escalations found in the review: Product Ops to Head of Product, a password reset of another', async () => {
    const hana = await signedIn(t.database.db, ['head_of_product'], { password: 'hana has one' });
    const own = await call('PATCH', `/api/v1/people/${ops.person.id}`, ops.headers, {
      roles: ['product_ops', 'head_of_product'],
    });
    expect(own.statusCode).toBe(403);
    const reset = await call('PATCH', `/api/v1/people/${hana.person.id}`, ops.headers, {
      password: 'taken over now',
    });
    expect(reset.statusCode).toBe(403);
    const granted = await call('POST', '/api/v1/people', ops.headers, {
      name: 'Second Hana',
      email: `hana2-${crypto.randomUUID()}@example.com`,
      function: 'exec',
      roles: ['head_of_product'],
    });
    expect(granted.statusCode).toBe(403);
    const withPassword = await call('POST', '/api/v1/people', ops.headers, {
      name: 'Known Password',
      email: `known-${crypto.randomUUID()}@example.com`,
      function: 'sales',
      roles: ['stakeholder'],
      password: 'product ops knows it',
    });
    expect(withPassword.statusCode).toBe(403);
    const sameRole = await call('POST', '/api/v1/people', ops.headers, {
      name: 'New Ops',
      email: `ops-${crypto.randomUUID()}@example.com`,
      function: 'product_ops',
      roles: ['product_ops'],
    });
    expect(sameRole.statusCode).toBe(201);
    expect(sameRole.json().permissions.update).toBe(true);
    const hanaSeenByOps = await call('GET', `/api/v1/people/${hana.person.id}`, ops.headers);
    expect(hanaSeenByOps.json().permissions).toEqual({ update: true, delete: false });
    const off = await call('PATCH', `/api/v1/people/${hana.person.id}`, ops.headers, { active: false });
    expect(off.statusCode).toBe(403);
  });

  it('a password or role change signs the person out elsewhere, is audited and tells them', async () => {
    const me = await signedIn(t.database.db, ['pm'], { password: 'the old password' });
    const other = await createApiToken({
      db: t.database.db,
      actor: systemActor('test'),
      personId: me.person.id,
      name: 'laptop',
      now: systemClock.now(),
    });
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: me.person.email, password: 'the old password' },
    });
    const cookie = `prodops_session=${session.cookies.find((c) => c.name === 'prodops_session')!.value}`;
    const changed = await call('PATCH', `/api/v1/people/${me.person.id}`, me.headers, {
      password: 'a new password here',
      currentPassword: 'the old password',
    });
    expect(changed.statusCode).toBe(200);
    // The token that made the change keeps working; the other token and the web session do not.
    expect((await call('GET', '/api/v1/me', me.headers)).statusCode).toBe(200);
    const stale = { authorization: `Bearer ${other.token}` };
    expect((await call('GET', '/api/v1/me', stale)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/me', { cookie })).statusCode).toBe(401);
    const byAdmin = await call('PATCH', `/api/v1/people/${me.person.id}`, admin.headers, {
      roles: ['pm', 'eng_lead'],
    });
    expect(byAdmin.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/me', me.headers)).statusCode).toBe(401);
    const log = await auditFor(me.person.id);
    expect(log.filter((e) => e.action === 'person.access_ended').map((e) => e.change)).toEqual([
      { reason: 'roles', sessions: 0, tokens: 1 },
      { reason: 'password', sessions: 1, tokens: 1 },
    ]);
    const notices = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'account.change'), eq(outbox.ref, me.person.id)));
    const told = notices.map((n) => [n.channel, (n.message as OutgoingMessage).summary]);
    expect(told).toHaveLength(4);
    expect(told).toEqual(
      expect.arrayContaining([
        [
          'inbox',
          expect.stringMatching(/^You changed your account on .* Your other sessions and API tokens/),
        ],
        ['email', expect.stringMatching(/^You changed your account/)],
        ['inbox', expect.stringMatching(new RegExp(`^${admin.person.name} changed your account`))],
        ['email', expect.stringMatching(new RegExp(`^${admin.person.name} changed your account`))],
      ]),
    );
    expect(notices.map((n) => (n.message as OutgoingMessage).sections?.[0]?.markdown)).toContain(
      '- Your roles are now PM, Eng lead (they were PM).',
    );
  });
});

describe('areas', () => {
  it('lets the owning PM edit their area but not hand it to someone else', async () => {
    const owner = await signedIn(t.database.db, ['pm']);
    const other = await makePerson(t.database.db, { roles: ['pm'] });
    const area = await makeArea(t.database.db, { ownerPmId: owner.person.id });
    const mine = await call('PATCH', `/api/v1/areas/${area.id}`, owner.headers, {
      description: 'Ours',
      activeUsers: 1234,
    });
    expect(mine.json()).toMatchObject({
      description: 'Ours',
      activeUsers: 1234,
      ownerPmName: owner.person.name,
      permissions: { update: true, delete: false },
    });
    expect(
      (await call('PATCH', `/api/v1/areas/${area.id}`, owner.headers, { ownerPmId: other.id })).statusCode,
    ).toBe(403);
    expect(
      (await call('PATCH', `/api/v1/areas/${area.id}`, ops.headers, { ownerPmId: other.id })).json()
        .ownerPmId,
    ).toBe(other.id);
  });

  it('answers 409 for a duplicate slug and 404 for an unknown id', async () => {
    const area = await makeArea(t.database.db);
    const dup = await call('POST', '/api/v1/areas', ops.headers, { slug: area.slug, name: 'Again' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].path).toBe('slug');
    expect((await call('GET', `/api/v1/areas/${crypto.randomUUID()}`, ops.headers)).statusCode).toBe(404);
  });
});

describe('pods and the 3-1-1 check', () => {
  it('warns when a pod is not 3-1-1 and clears the warning when it is', async () => {
    const team = await makeTeam(t.database.db);
    const res = await call('POST', '/api/v1/pods', ops.headers, {
      slug: 'checkout',
      name: 'Checkout',
      members: [
        { personId: team.pm.id, role: 'pm' },
        { personId: team.engineers[0]!.id, role: 'engineer' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const pod = res.json();
    expect(pod.warnings.map((w: { code: string }) => w.code)).toContain('composition');
    expect(pod.warnings[0].message).toMatch(/1 engineer, 0 designers and 1 PM/);
    const full = await call('PATCH', `/api/v1/pods/${pod.id}`, ops.headers, {
      members: [
        { personId: team.pm.id, role: 'pm' },
        ...team.engineers.map((e) => ({ personId: e.id, role: 'engineer' })),
        { personId: team.designer.id, role: 'designer' },
      ],
      rotation: [{ week: '2020-W01', personId: team.engineers[0]!.id }],
    });
    const codes = full.json().warnings.map((w: { code: string }) => w.code);
    expect(codes).not.toContain('composition');
    expect(codes).toContain('no_rotation'); // 2020-W01 is not this week
  });

  it('warns about a person in more than one pod, on both pods', async () => {
    const shared = await makePerson(t.database.db, { roles: ['engineer'], name: 'Shared Engineer' });
    const a = (
      await call('POST', '/api/v1/pods', ops.headers, {
        slug: 'pod-a',
        name: 'Pod A',
        members: [{ personId: shared.id, role: 'engineer' }],
      })
    ).json();
    const b = (
      await call('POST', '/api/v1/pods', ops.headers, {
        slug: 'pod-b',
        name: 'Pod B',
        members: [{ personId: shared.id, role: 'engineer' }],
      })
    ).json();
    expect(b.warnings).toContainEqual({
      code: 'multi_pod',
      message: 'Shared Engineer is also in Pod A: not single-threaded.',
    });
    const again = (await call('GET', `/api/v1/pods/${a.id}`, ops.headers)).json();
    expect(again.warnings).toContainEqual({
      code: 'multi_pod',
      message: 'Shared Engineer is also in Pod B: not single-threaded.',
    });
  });

  it("lets the pod's PM edit it but not delete it", async () => {
    const pm = await signedIn(t.database.db, ['pm']);
    const pod = (
      await call('POST', '/api/v1/pods', ops.headers, {
        slug: 'pm-pod',
        name: 'PM pod',
        members: [{ personId: pm.person.id, role: 'pm' }],
      })
    ).json();
    expect(
      (await call('PATCH', `/api/v1/pods/${pod.id}`, pm.headers, { mission: 'Ship' })).json().mission,
    ).toBe('Ship');
    expect((await call('DELETE', `/api/v1/pods/${pod.id}`, pm.headers)).statusCode).toBe(403);
  });
});

describe('settings and RACI', () => {
  it('starts with the seeds: Thursday 14:00/16:00, tier lead times 5/10/2 days, 3-1-1, the pack RACI', async () => {
    const { settings } = (await call('GET', '/api/v1/settings', ops.headers)).json();
    expect(settings.deadlines.weeklyUpdateDue).toEqual({ weekday: 4, time: '14:00' });
    expect(settings.deadlines.weeklyUpdatePublish).toEqual({ weekday: 4, time: '16:00' });
    expect([
      settings.tiers.tier2.distributeBusinessDays,
      settings.tiers.tier3.distributeBusinessDays,
      settings.tiers.tier3.publishBusinessDays,
    ]).toEqual([5, 10, 2]);
    expect(settings.thresholds.confusedCustomerPct).toBe(20);
    expect(settings.pods).toMatchObject({ engineers: 3, designers: 1, pms: 1 });
    const raci = (await call('GET', '/api/v1/raci', ops.headers)).json();
    expect(raci.items).toHaveLength(7);
    expect(raci.items[1]).toMatchObject({ activity: 'Weekly product update', responsible: 'PMs (content)' });
  });

  it('saves settings as a whole and audits the changed fields only', async () => {
    const { settings } = (await call('GET', '/api/v1/settings', admin.headers)).json();
    const next = { ...settings, timeZone: 'Europe/Paris', holidays: [{ date: '2026-12-25', name: 'Noël' }] };
    const res = await call('PUT', '/api/v1/settings', admin.headers, next);
    expect(res.json().settings.timeZone).toBe('Europe/Paris');
    const [entry] = await auditFor('org');
    expect(Object.keys(entry!.change).sort()).toEqual(['holidays', 'timeZone']);
  });
});
