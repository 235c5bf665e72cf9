import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';
import {
  decisionCounts,
  makeRoadmapItem,
  startedReview,
} from '../../../services/decisions/decisions.fixture.ts';
import type { TDecisionLogEntry } from '../../../shared/decisions.ts';

let t: TestApp;
type Caller = Awaited<ReturnType<typeof signedIn>>;
let owner: Caller;
let otherPm: Caller;
let engineer: Caller;
let ops: Caller;
let itemId: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  owner = await signedIn(db, ['pm'], { name: 'Maya Chen' });
  otherPm = await signedIn(db, ['pm']);
  engineer = await signedIn(db, ['engineer']);
  ops = await signedIn(db, ['product_ops']);
  const area = await t.app.inject({
    method: 'POST',
    url: '/api/v1/areas',
    headers: ops.headers,
    payload: { slug: 'billing', name: 'Billing', ownerPmId: owner.person.id },
  });
  itemId = await makeRoadmapItem(db, (area.json() as { id: string }).id, 'Usage-based pricing');
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  title: 'Price by usage',
  context: 'Seats penalise viewers.',
  options: ['Seats', 'Usage'],
  rationale: 'Usage tracks value.',
  ownerId: owner.person.id,
  reviewDate: '2030-01-15',
  ...over,
});

function call(method: 'GET' | 'POST', url: string, who: Caller | null, payload?: object) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: who?.headers ?? {},
    ...(payload ? { payload } : {}),
  });
}

async function create(over: Record<string, unknown> = {}, who: Caller = owner): Promise<TDecisionLogEntry> {
  const res = await call('POST', '/decisions', who, body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const kept = { outcome: 'kept', note: 'Still right', nextReviewDate: '2030-06-01' };

describe('POST /decisions', () => {
  it('201: the entry with its links, and what the caller may do with it', async () => {
    const review = await startedReview(t.database.db);
    const v = await create({
      roadmapItemIds: [itemId],
      themes: ['pricing'],
      occurrenceId: review.occurrenceId,
    });
    expect(v).toMatchObject({
      title: 'Price by usage',
      ownerName: 'Maya Chen',
      roadmapItems: [{ id: itemId, title: 'Usage-based pricing' }],
      themes: [{ key: 'pricing', label: 'Pricing' }],
      occurrenceId: review.occurrenceId,
      status: 'active',
      permissions: { update: true, delete: false },
    });
  });

  for (const field of ['title', 'context', 'options', 'rationale', 'ownerId', 'reviewDate']) {
    it(`400 naming ${field} when it is missing; nothing written`, async () => {
      const before = await decisionCounts(t.database.db);
      const { [field]: _gone, ...rest } = body();
      const res = await call('POST', '/decisions', owner, rest);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
      expect(await decisionCounts(t.database.db)).toEqual(before);
    });
  }

  it('400 for blank text, no options, an unknown field; and links that do not exist', async () => {
    const before = await decisionCounts(t.database.db);
    const blank = await call('POST', '/decisions', owner, body({ title: ' ', options: [], status: 'x' }));
    expect(blank.statusCode).toBe(400);
    expect(
      blank
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['options', 'status', 'title']);
    const links = await call(
      'POST',
      '/decisions',
      owner,
      body({ releaseIds: [itemId], themes: ['vibes'], reviewDate: '2020-01-01' }),
    );
    expect(links.statusCode).toBe(400);
    expect(
      links
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['releaseIds.0', 'reviewDate', 'themes.0']);
    expect(await decisionCounts(t.database.db)).toEqual(before);
  });

  it('401 without a caller, 403 for roles that do not record decisions', async () => {
    expect((await call('POST', '/decisions', null, body())).statusCode).toBe(401);
    expect((await call('POST', '/decisions', engineer, body())).statusCode).toBe(403);
  });
});

describe('GET /decisions and /decisions/:id', () => {
  it('lists with search and filters; each entry says what this caller may do', async () => {
    const v = await create({ title: 'Drop the fax integration', context: 'Nobody faxes.' });
    const res = await call(
      'GET',
      `/decisions?q=FAX%20nobody&ownerId=${owner.person.id}&status=active`,
      otherPm,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [expect.objectContaining({ id: v.id, permissions: { update: false, delete: false } })],
      nextCursor: null,
    });
    const due = await call('GET', '/decisions?due=true', otherPm);
    expect(due.json().items).toEqual([]);
    expect((await call('GET', '/decisions?due=maybe&from=2026-02-30', otherPm)).json().error.fields).toEqual([
      expect.objectContaining({ path: 'query.due' }),
      expect.objectContaining({ path: 'query.from' }),
    ]);
  });

  it('gets one, 404s an unknown id and 400s one that is not an id', async () => {
    const v = await create();
    const got = await call('GET', `/decisions/${v.id}`, engineer);
    expect(got.json()).toMatchObject({ id: v.id, history: [{ kind: 'recorded' }] });
    expect((await call('GET', `/decisions/${crypto.randomUUID()}`, engineer)).statusCode).toBe(404);
    expect((await call('GET', '/decisions/42', engineer)).statusCode).toBe(400);
  });
});

describe('POST /decisions/:id/revisit', () => {
  it('the owner keeps it; another PM may not (403); Product Ops may', async () => {
    const v = await create();
    expect((await call('POST', `/decisions/${v.id}/revisit`, otherPm, kept)).statusCode).toBe(403);
    const res = await call('POST', `/decisions/${v.id}/revisit`, owner, kept);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nextReviewDate: '2030-06-01', reviewDate: '2030-01-15' });
    const again = await call('POST', `/decisions/${v.id}/revisit`, ops, {
      ...kept,
      nextReviewDate: '2030-07-01',
    });
    expect(again.json().nextReviewDate).toBe('2030-07-01');
  });

  it('supersedes: returns the old entry linked to its replacement, then 409 on revisiting it', async () => {
    const v = await create({ title: 'Annual plans only' });
    const res = await call('POST', `/decisions/${v.id}/revisit`, owner, {
      outcome: 'superseded',
      note: 'Monthly wins deals',
      replacement: body({ title: 'Monthly plans too' }),
    });
    expect(res.statusCode).toBe(200);
    const old = res.json() as TDecisionLogEntry;
    expect(old).toMatchObject({ status: 'superseded', supersededBy: { title: 'Monthly plans too' } });
    const next = (await call('GET', `/decisions/${old.supersededBy!.id}`, owner)).json();
    expect(next.supersedes).toEqual({ id: v.id, number: v.number, title: 'Annual plans only' });
    const conflict = await call('POST', `/decisions/${v.id}/revisit`, owner, kept);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('conflict');
  });

  it('400 naming the fields (replacement ones under replacement.); 404 before looking at the body', async () => {
    const v = await create();
    const noDate = await call('POST', `/decisions/${v.id}/revisit`, owner, { outcome: 'kept', note: '' });
    expect(
      noDate
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['nextReviewDate', 'note']);
    const past = await call('POST', `/decisions/${v.id}/revisit`, owner, {
      ...kept,
      nextReviewDate: '2020-01-01',
    });
    expect(past.json().error.fields).toEqual([expect.objectContaining({ path: 'nextReviewDate' })]);
    const badReplacement = await call('POST', `/decisions/${v.id}/revisit`, owner, {
      outcome: 'superseded',
      note: 'x',
      replacement: body({ rationale: '' }),
    });
    expect(badReplacement.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'replacement.rationale',
    ]);
    // A PM's replacement is their own (403 otherwise); Product Ops may name anyone, and hears of an unknown id.
    const unknownOwner = await call('POST', `/decisions/${v.id}/revisit`, ops, {
      outcome: 'superseded',
      note: 'x',
      replacement: body({ ownerId: crypto.randomUUID() }),
    });
    const givenAway = await call('POST', `/decisions/${v.id}/revisit`, owner, {
      outcome: 'superseded',
      note: 'x',
      replacement: body({ ownerId: otherPm.person.id }),
    });
    expect(givenAway.statusCode).toBe(403);
    expect(unknownOwner.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'replacement.ownerId',
    ]);
    const missing = await call('POST', `/decisions/${crypto.randomUUID()}/revisit`, owner, { bad: true });
    expect(missing.statusCode).toBe(404);
  });
});
