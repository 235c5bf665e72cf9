import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { systemActor } from '../../../services/actor.ts';
import { updateSettings } from '../../../services/org/settings.ts';
import { recordDecision } from '../../../services/releases/readiness.ts';
import { createRelease } from '../../../services/releases/releases.ts';
import { manualClock } from '../../../shared/clock.ts';
import { DEFAULT_SETTINGS } from '../../../shared/settings.ts';

/** Issue 15 part 6: the Head of Product's logged override of a failing gate check, over HTTP. */
let t: TestApp;
const clock = manualClock('2026-12-01T14:00:00Z');
const headers: Record<'hop' | 'pm' | 'sam', Record<string, string>> = { hop: {}, pm: {}, sam: {} };
let releaseId = '';
const REASON = 'Legal approved by mail; the record follows.';

beforeAll(async () => {
  t = await createTestApp({ clock });
  const db = t.database.db;
  const settings = { ...DEFAULT_SETTINGS, timeZone: 'America/New_York' };
  await updateSettings({ db, actor: systemActor('test'), settings, now: clock.now() });
  headers.hop = (await signedIn(db, ['head_of_product'], { name: 'Hana Okafor' })).headers;
  const pm = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  headers.pm = pm.headers;
  headers.sam = (await signedIn(db, ['stakeholder'], { function: 'sales' })).headers;
  const r = await createRelease({
    db,
    actor: systemActor('test'),
    input: { title: 'Held launch', targetDate: '2026-12-20', tier: 1 },
    now: clock.now(),
  });
  releaseId = r.id;
  await recordDecision({
    db,
    actor: { personId: pm.person.id, label: 'Maya Chen', roles: ['pm'] },
    now: clock.now(),
    releaseId,
    input: { decision: 'hold', reason: 'Waiting for legal' },
  });
});
afterAll(() => t.close());

const call = (who: keyof typeof headers, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/releases/${releaseId}${url}`, headers: headers[who], payload });
const body = { checkId: 'decision', reason: REASON, expiresAt: '2026-12-04T04:59:59.999Z' };

describe('gate overrides over HTTP', () => {
  it('a PM is refused; the Head of Product overrides (201) and the release page and gate show it', async () => {
    expect((await call('pm', 'POST', '/gate-overrides', body)).statusCode).toBe(403);
    const pmDetail = (await call('pm', 'GET', '/detail')).json();
    expect(pmDetail.permissions.override).toBe(false);

    const res = await call('hop', 'POST', '/gate-overrides', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ checkId: 'decision', checkLabel: 'Go/no-go decision', active: true });

    const detail = (await call('hop', 'GET', '/detail')).json();
    expect(detail.permissions.override).toBe(true);
    expect(detail.overrides.map((o: { id: string }) => o.id)).toEqual([res.json().id]);
    const line = `Go/no-go decision overridden by Hana Okafor until 3 Dec 2026: ${REASON}`;
    expect(detail.gate).toMatchObject({ ready: true, reasons: [], overridden: [line] });
    const gate = (await call('pm', 'GET', '/gate')).json();
    expect(gate).toMatchObject({ ready: true, overridden: [line] });
    expect(gate.checks.find((c: { id: string }) => c.id === 'decision').overridden).toEqual({
      by: 'Hana Okafor',
      reason: REASON,
      expiresAt: body.expiresAt,
    });
  });

  it('a stakeholder reads that a check was overridden, never why', async () => {
    for (const url of ['/detail', '/gate']) {
      const res = await call('sam', 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Legal approved');
    }
    const gate = (await call('sam', 'GET', '/gate')).json();
    expect(gate.overridden).toEqual(['Go/no-go decision overridden by Hana Okafor until 3 Dec 2026']);
    expect((await call('sam', 'GET', '/detail')).json().overrides).toEqual([]);
  });

  it('names the field the service refuses: a check that cannot be overridden, an end too far', async () => {
    const tier = await call('hop', 'POST', '/gate-overrides', { ...body, checkId: 'tier' });
    expect([tier.statusCode, tier.json().error.fields[0].path]).toEqual([400, 'checkId']);
    const far = await call('hop', 'POST', '/gate-overrides', { ...body, expiresAt: '2027-01-01T00:00:00Z' });
    expect([far.statusCode, far.json().error.fields[0].path]).toEqual([400, 'expiresAt']);
  });

  it('revoking (204) blocks the gate again; a revoked override is 409, an unknown one 404', async () => {
    const [active] = (await call('hop', 'GET', '/detail')).json().overrides;
    expect((await call('pm', 'DELETE', `/gate-overrides/${active.id}`)).statusCode).toBe(403);
    expect((await call('hop', 'DELETE', `/gate-overrides/${active.id}`)).statusCode).toBe(204);
    expect((await call('hop', 'GET', '/gate')).json()).toMatchObject({ ready: false, overridden: [] });
    expect((await call('hop', 'DELETE', `/gate-overrides/${active.id}`)).statusCode).toBe(409);
    const unknown = await call('hop', 'DELETE', `/gate-overrides/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
  });
});
