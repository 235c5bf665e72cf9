import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import { outbox } from '../../../db/schema/index.ts';
import type { OutgoingMessage } from '../../../integrations/message.ts';
import { manualClock } from '../../../shared/clock.ts';

const clock = manualClock('2026-11-18T15:00:00Z');
let t: TestApp;
let ops: { headers: Record<string, string> };
let sales: { headers: Record<string, string> };
const pms: Awaited<ReturnType<typeof signedIn>>[] = [];

async function pulseTokens(): Promise<string[]> {
  const rows = await t.database.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'survey.pm_pulse'), eq(outbox.channel, 'inbox')));
  return rows.map((r) => (r.message as OutgoingMessage).actions![0]!.url.split('/')[2]!.split('?')[0]!);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  ops = await signedIn(t.database.db, ['product_ops'], { function: 'product_ops' });
  sales = await signedIn(t.database.db, ['stakeholder'], { function: 'sales' });
  for (let i = 0; i < 3; i++) pms.push(await signedIn(t.database.db, ['pm'], { name: `Pulse PM ${i}` }));
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, headers = ops.headers, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

describe('survey routes', () => {
  it('refuses the results to a stakeholder', async () => {
    expect((await call('GET', '/surveys/awareness', sales.headers)).statusCode).toBe(403);
    expect((await call('GET', '/surveys/pulse', sales.headers)).statusCode).toBe(403);
    expect((await call('POST', '/surveys/pulse', sales.headers, {})).statusCode).toBe(403);
  });

  it('says an unknown link is not valid (404, never a 500)', async () => {
    const res = await call('GET', `/surveys/answer/${'z'.repeat(32)}`, {});
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toMatch(/survey link is not valid/);
  });

  it('runs a pulse: PMs answer by link or signed in, once; nothing shows below 3; no person in any response', async () => {
    const started = await call('POST', '/surveys/pulse', ops.headers, {});
    expect(started.json()).toEqual({ quarter: '2026-Q4', sent: 3 });
    const [first, second] = await pulseTokens();
    const page = await call('GET', `/surveys/answer/${first}`, {});
    expect(page.json()).toMatchObject({ kind: 'pm_pulse', title: 'PM pulse — Q4 2026', answeredAt: null });
    expect((await call('POST', `/surveys/answer/${first}`, {}, { score: 5 })).statusCode).toBe(200);
    const again = await call('POST', `/surveys/answer/${first}`, {}, { score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already answered/);
    expect(
      (await call('POST', `/surveys/answer/${second}`, {}, { score: 4, comment: 'Less chasing' })).statusCode,
    ).toBe(200);
    const hidden = (await call('GET', '/surveys/pulse?quarter=2026-Q4')).json();
    expect(hidden).toMatchObject({ answers: 2, results: null });
    // The third PM answers signed in, from their open surveys.
    const third = pms[2];
    const open = (await call('GET', '/surveys/mine', third!.headers)).json().surveys as { id: string }[];
    const mineRes = await call('POST', `/surveys/mine/${open[0]!.id}`, third!.headers, { score: 2 });
    expect(mineRes.statusCode, mineRes.body).toBe(200);
    const shown = await call('GET', '/surveys/pulse?quarter=2026-Q4');
    expect(shown.json().results).toMatchObject({ agreePct: 66.7, comments: ['Less chasing'] });
    for (const pm of pms) {
      expect(shown.body).not.toContain(pm.person.id);
      expect(shown.body).not.toContain(pm.person.name);
    }
  });
});
