import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../test/db.ts';
import { makePerson } from '../../../test/factories.ts';
import { inboxItems, outbox, releaseSignOffs, releases } from '../../db/schema/index.ts';
import { systemActor } from '../actor.ts';
import { createContext } from '../context.ts';
import { ENABLEMENT_BUNDLE } from '../releases/bundle.ts';
import { createRelease } from '../releases/releases.ts';
import { computedSurprise } from './surprise.ts';

/**
 * Issue 16: the surprise score computed from the delivery records, for launches in a window. Default settings:
 * UTC, Monday–Friday; Tier 2 distributes 5 business days before launch, Tier 3 ten.
 */
const NOW = new Date('2026-12-20T12:00:00Z');
const ops = systemActor('ops');
let d: TestDatabase;
const who = { sam: '', cara: '', sue: '' };
const rel = { a: '', b: '' };

async function launched(title: string, tier: 1 | 2 | 3, launchedOn: string) {
  const r = await createRelease({
    db: d.db,
    actor: ops,
    now: NOW,
    input: { title, targetDate: launchedOn, attributes: [], tier, tierReason: 'test' },
  });
  await d.db.update(releases).set({ status: 'launched', launchedOn }).where(eq(releases.id, r.id));
  return r.id;
}

let n = 0;
/** A bundle message to a person: sent at `sentAt`, read in the inbox at `readAt`. */
async function told(o: {
  releaseId: string;
  personId: string;
  sentAt: string;
  readAt?: string;
  kind?: string;
  status?: 'sent' | 'dead';
}) {
  const [row] = await d.db
    .insert(outbox)
    .values({
      idempotencyKey: `k${++n}`,
      kind: o.kind ?? ENABLEMENT_BUNDLE,
      ref: `${o.releaseId}:v1`,
      channel: o.readAt ? 'inbox' : 'email',
      personId: o.personId,
      address: 'x',
      message: {},
      status: o.status ?? 'sent',
      sentAt: new Date(o.sentAt),
    })
    .returning({ id: outbox.id });
  if (o.readAt)
    await d.db.insert(inboxItems).values({
      personId: o.personId,
      outboxId: row!.id,
      kind: ENABLEMENT_BUNDLE,
      message: {},
      readAt: new Date(o.readAt),
    });
}

beforeAll(async () => {
  d = await createTestDb({ now: NOW });
  who.sam = (await makePerson(d.db, { name: 'Sam Rivera', function: 'sales' })).id;
  who.cara = (await makePerson(d.db, { name: 'Cara Lee', function: 'cs' })).id;
  who.sue = (await makePerson(d.db, { name: 'Sue Park', function: 'support' })).id;
  // A: Tier 2, launched Thu 10 Dec, to be told by Thu 3 Dec.
  rel.a = await launched('Usage-based billing', 2, '2026-12-10');
  await told({
    releaseId: rel.a,
    personId: who.sam,
    sentAt: '2026-12-02T10:00:00Z',
    readAt: '2026-12-04T09:00:00Z',
  });
  await told({
    releaseId: rel.a,
    personId: who.cara,
    sentAt: '2026-12-03T23:00:00Z',
    readAt: '2026-12-09T09:00:00Z',
  });
  // Support heard by email in time and acknowledged with its readiness sign-off.
  await told({ releaseId: rel.a, personId: who.sue, sentAt: '2026-12-03T10:00:00Z' });
  await d.db
    .insert(releaseSignOffs)
    .values({ releaseId: rel.a, kind: 'support', byLabel: 'Sue', at: new Date('2026-12-08T10:00:00Z') });
  // B: Tier 3, launched Thu 17 Dec, to be told by Thu 3 Dec; Support told a day late.
  rel.b = await launched('SCIM provisioning', 3, '2026-12-17');
  await told({
    releaseId: rel.b,
    personId: who.sam,
    sentAt: '2026-12-01T10:00:00Z',
    readAt: '2026-12-02T10:00:00Z',
  });
  await told({
    releaseId: rel.b,
    personId: who.cara,
    sentAt: '2026-12-03T10:00:00Z',
    readAt: '2026-12-10T10:00:00Z',
  });
  await told({
    releaseId: rel.b,
    personId: who.sue,
    sentAt: '2026-12-04T10:00:00Z',
    readAt: '2026-12-04T11:00:00Z',
  });
  // Neither a dead delivery nor another kind of message tells anyone.
  await told({ releaseId: rel.b, personId: who.sue, sentAt: '2026-12-01T10:00:00Z', status: 'dead' });
  await told({ releaseId: rel.b, personId: who.sue, sentAt: '2026-12-01T10:00:00Z', kind: 'release.retier' });
  // Outside the question: a Tier 1 launch, and a Tier 2 launch before the window.
  await launched('Copy fix', 1, '2026-12-09');
  await launched('Old launch', 2, '2026-10-01');
}, 120_000);
afterAll(() => d.close());

const ctx = () => createContext({ db: d.db, actor: null, now: NOW });

describe('the computed surprise score', () => {
  it('judges each Tier 2/3 launch in the window per function, from the delivery records', async () => {
    const s = await computedSurprise(ctx(), { from: '2026-12-01', to: '2026-12-31' });
    expect(s.launches.map((l) => [l.title, l.tellBy, l.surprise])).toEqual([
      ['Usage-based billing', '2026-12-03', false],
      ['SCIM provisioning', '2026-12-03', true],
    ]);
    const scim = s.launches[1]!;
    expect(scim.functions.map((f) => [f.fn, f.verdict, f.evidence?.name])).toEqual([
      ['sales', 'told in time', 'Sam Rivera'],
      ['cs', 'told in time', 'Cara Lee'],
      ['support', 'told late', 'Sue Park'],
    ]);
    expect(s.launches[0]!.functions.find((f) => f.fn === 'support')!.evidence!.acknowledgedOn).toBe(
      '2026-12-08',
    );
    expect(s.pct).toBe(50);
    expect(s.target).toBe(10);
  });

  it('has no figure without a Tier 2/3 launch in the window', async () => {
    const s = await computedSurprise(ctx(), { from: '2026-11-01', to: '2026-11-30' });
    expect(s).toMatchObject({ pct: null, launches: [] });
  });
});
