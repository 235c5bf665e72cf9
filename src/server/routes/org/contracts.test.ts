import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makePod, signedIn } from '../../../../test/factories.ts';
import { manualClock } from '../../../shared/clock.ts';
import type { TPodContract } from '../../../shared/contracts.ts';
import type { TPod } from '../../../shared/org.ts';

/** Issue 15: a pod's strategy contract over the API, as the product org, its named signers and other stakeholders. */
const clock = manualClock('2026-11-02T15:00:00Z');
let t: TestApp;
type Caller = Awaited<ReturnType<typeof signedIn>>;
let pm: Caller;
let engineer: Caller;
let otherPm: Caller;
let erik: Caller;
let sam: Caller;
let podId = '';
let emptyPodId = '';

const PAGE = {
  goal: 'Every disputed invoice is explained in the product, without a ticket.',
  hypothesis: 'Disputes are 31% of billing tickets.',
  rightToWin: 'We meter the usage ourselves.',
  metrics: [{ name: 'Billing tickets per 1,000 users', target: 'under 2' }],
  risks: [{ text: 'Usage lines become a contract with finance customers', oneWayDoor: true }],
  deadline: '2027-01-29',
};

const call = (method: 'GET' | 'POST', url: string, who: Caller, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who.headers, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  engineer = await signedIn(db, ['engineer'], { name: 'Ravi Rao' });
  otherPm = await signedIn(db, ['pm'], { name: 'Leo Martins' });
  erik = await signedIn(db, ['stakeholder'], { name: 'Erik Berg', function: 'exec' });
  sam = await signedIn(db, ['stakeholder'], { name: 'Sam Rivera', function: 'sales' });
  podId = (
    await makePod(db, {
      name: 'Billing pod',
      slug: 'pod-billing',
      members: [
        { personId: pm.person.id, role: 'pm' },
        { personId: engineer.person.id, role: 'engineer' },
      ],
    })
  ).id;
  emptyPodId = (await makePod(db, { name: 'Search pod' })).id;
});
afterAll(() => t.close());

describe('a pod’s strategy contract over the API', () => {
  it('reads as none until there is one; the markdown is a 404 then', async () => {
    const res = await call('GET', `/pods/${emptyPodId}/contract`, engineer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'none',
      contract: null,
      previous: [],
      permissions: { propose: false, sign: false },
    });
    expect((await call('GET', `/pods/${emptyPodId}/contract.md`, engineer)).statusCode).toBe(404);
    expect((await call('GET', `/pods/${crypto.randomUUID()}/contract`, engineer)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 naming each field, and a PM of another pod with 403', async () => {
    const bad = await call('POST', `/pods/${podId}/contract`, pm, {
      ...PAGE,
      goal: '',
      deadline: '2027-02-30',
      risks: [{ text: 'x', oneWayDoor: 'yes' }],
    });
    expect(bad.statusCode).toBe(400);
    const paths = (bad.json() as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['goal', 'deadline', 'risks.0.oneWayDoor']));
    const unknown = await call('POST', `/pods/${podId}/contract`, pm, {
      ...PAGE,
      signers: [crypto.randomUUID()],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([{ path: 'signers.0', message: 'is not a known person' }]);
    expect((await call('POST', `/pods/${podId}/contract`, otherPm, PAGE)).statusCode).toBe(403);
    expect((await call('POST', `/pods/${podId}/contract`, engineer, PAGE)).statusCode).toBe(403);
  });

  it("the pod's PM proposes it and names a stakeholder to sign it", async () => {
    const res = await call('POST', `/pods/${podId}/contract`, pm, { ...PAGE, signers: [erik.person.id] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as TPodContract;
    expect(body).toMatchObject({ state: 'awaiting_sign_off', permissions: { propose: true, sign: false } });
    expect(body.contract?.signers.map((s) => s.name)).toEqual(['Erik Berg']);
  });

  it('a stakeholder not named to sign it is refused (403) and told nothing, contract or not', async () => {
    for (const url of [
      `/pods/${podId}/contract`,
      `/pods/${podId}/contract.md`,
      `/pods/${emptyPodId}/contract`,
    ]) {
      const res = await call('GET', url, sam);
      expect(res.statusCode, url).toBe(403);
      expect(res.body).not.toContain('invoice');
    }
    expect((await call('POST', `/pods/${podId}/contract/sign`, sam)).statusCode).toBe(403);
    expect((await call('POST', `/pods/${podId}/contract`, sam, PAGE)).statusCode).toBe(403);
    const pods = (await call('GET', '/pods', sam)).json() as { items: TPod[] };
    expect(pods.items.map((p) => p.contract)).toEqual([null, null]);
  });

  it('someone in the product org who is not named may read it but not sign it', async () => {
    const read = await call('GET', `/pods/${podId}/contract`, otherPm);
    expect(read.statusCode).toBe(200);
    const refused = await call('POST', `/pods/${podId}/contract/sign`, otherPm);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('only the people named to sign version 1');
  });

  it('the named stakeholder reads it, signs it for themself (again: nothing changes), and it is signed', async () => {
    const read = (await call('GET', `/pods/${podId}/contract`, erik)).json() as TPodContract;
    expect(read.permissions).toEqual({ propose: false, sign: true });
    clock.set(new Date('2026-11-03T16:00:00Z'));
    const signed = await call('POST', `/pods/${podId}/contract/sign`, erik, { version: 1 });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed', permissions: { sign: false } });
    clock.set(new Date('2026-11-05T16:00:00Z'));
    const again = await call('POST', `/pods/${podId}/contract/sign`, erik);
    expect(again.statusCode).toBe(200);
    expect((again.json() as TPodContract).contract?.signedAt).toBe('2026-11-03T16:00:00.000Z');
    const pods = (await call('GET', '/pods', erik)).json() as { items: TPod[] };
    expect(pods.items.find((p) => p.id === podId)?.contract).toMatchObject({ state: 'signed', version: 1 });
    expect(pods.items.find((p) => p.id === emptyPodId)?.contract).toBeNull();
  });

  it('exports the one page as markdown', async () => {
    const res = await call('GET', `/pods/${podId}/contract.md`, engineer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pod-billing-contract-v1.md"');
    expect(res.body).toContain('# Strategy contract: Billing pod');
    expect(res.body).toContain('- **One-way door:** Usage lines become a contract with finance customers');
    expect(res.body).toContain('## Sign-off\n\n- Erik Berg, signed on 2026-11-03');
  });

  it('a new version resets the state and asks again; the pods list shows it as not signed', async () => {
    const res = await call('POST', `/pods/${podId}/contract`, pm, { ...PAGE, deadline: '2027-02-26' });
    expect(res.statusCode).toBe(201);
    const body = res.json() as TPodContract;
    expect(body).toMatchObject({ state: 'awaiting_sign_off', contract: { version: 2 } });
    expect(body.previous.map((p) => [p.version, p.state])).toEqual([[1, 'signed']]);
    const pods = (await call('GET', '/pods', engineer)).json() as { items: TPod[] };
    expect(pods.items.map((p) => [p.name, p.contract?.state])).toEqual([
      ['Billing pod', 'awaiting_sign_off'],
      ['Search pod', 'none'],
    ]);
    const stale = await call('POST', `/pods/${podId}/contract/sign`, erik, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const more = await call('POST', `/pods/${podId}/contract/signers`, pm, { signers: [sam.person.id] });
    expect(more.statusCode, more.body).toBe(200);
    expect((await call('GET', `/pods/${podId}/contract`, sam)).statusCode).toBe(200);
  });
});
