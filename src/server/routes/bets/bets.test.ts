import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { makeArea, makePod, signedIn } from '../../../../test/factories.ts';
import { manualClock } from '../../../shared/clock.ts';
import { betTemplate, briefTemplate } from '../../policies/authorization-velocity.fixture.ts';

/** Bets over the API: the placement read back, links validated by field, stakeholders refused. */
const clock = manualClock('2026-11-18T15:00:00Z');
let t: TestApp;
let eng: Record<string, string>;
let sales: Record<string, string>;
let podId: string;
let pmId: string;

beforeAll(async () => {
  t = await createTestApp({ clock });
  const pm = await signedIn(t.database.db, ['pm']);
  pmId = pm.person.id;
  eng = (await signedIn(t.database.db, ['engineer'])).headers;
  sales = (await signedIn(t.database.db, ['stakeholder'], { function: 'sales' })).headers;
  podId = (await makePod(t.database.db, { areaId: (await makeArea(t.database.db, { ownerPmId: pmId })).id }))
    .id;
});
afterAll(() => t.close());

const call = (
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

describe('/api/v1/bets', () => {
  it('an engineer records a bet and a brief; the bet reads back with its cluster, approach and brief', async () => {
    const created = await call('POST', '/bets', eng, {
      ...betTemplate(podId, pmId),
      profile: { ...betTemplate(podId, pmId).profile, dependence: 'heavy' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const bet = created.json();
    expect(bet.placement).toMatchObject({ cluster: 'entangled', label: 'Entangled' });
    expect(bet.placement.approach.title).toMatch(/^Coordinate first/);
    expect(bet.permissions).toEqual({ update: true, delete: false });
    const brief = await call('POST', `/bets/${bet.id}/briefs`, eng, {
      ...briefTemplate,
      optionsNotChosen: [{ option: 'Seats', why: 'Penalises viewers' }],
    });
    expect(brief.statusCode, brief.body).toBe(201);
    const patched = await call('PATCH', `/briefs/${brief.json().id}`, eng, {
      learningGoals: ['Who upgrades?'],
    });
    expect(patched.json().learningGoals).toEqual(['Who upgrades?']);
    const read = (await call('GET', `/bets/${bet.id}`, eng)).json();
    expect(read.briefs).toMatchObject([
      { optionsNotChosen: [{ option: 'Seats' }], learningGoals: ['Who upgrades?'] },
    ]);
    expect(read.pod).toMatchObject({ id: podId });
    const list = (await call('GET', `/bets?podId=${podId}&status=open`, eng)).json();
    expect(list.items.map((b: { id: string }) => b.id)).toContain(bet.id);
    const won = await call('PATCH', `/bets/${bet.id}`, eng, { status: 'won' });
    expect(won.json().status).toBe('won');
  });

  it('400 names the field: an unknown pod, a profile answer off the scale', async () => {
    const res = await call('POST', '/bets', eng, {
      ...betTemplate(crypto.randomUUID(), pmId),
      profile: { ...betTemplate(podId, pmId).profile, measurability: 'enormous' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['profile.measurability']);
    const pod = await call('POST', '/bets', eng, betTemplate(crypto.randomUUID(), pmId));
    expect(pod.statusCode).toBe(400);
    expect(pod.json().error.fields).toEqual([{ path: 'podId', message: 'is not a known pod' }]);
  });

  it('stakeholders are refused (403), reading or writing', async () => {
    const bet = (await call('POST', '/bets', eng, betTemplate(podId, pmId))).json();
    for (const [method, url, body] of [
      ['GET', '/bets'],
      ['GET', `/bets/${bet.id}`],
      ['POST', '/bets', betTemplate(podId, pmId)],
      ['PATCH', `/bets/${bet.id}`, { status: 'won' }],
      ['POST', `/bets/${bet.id}/briefs`, briefTemplate],
    ] as const) {
      const res = await call(method, url, sales, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.body).not.toContain('Usage-based pricing');
    }
  });
});
