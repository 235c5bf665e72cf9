import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { signedIn } from '../../../../test/factories.ts';

let t: TestApp;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const ops = await signedIn(t.database.db, ['product_ops']);
  headers = ops.headers;
  for (const title of ['Salesforce sync v2', 'Bulk user import', 'Invoice PDF 100% redesign'])
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/releases',
      headers,
      payload: { title, targetDate: '2027-02-01' },
    });
});
afterAll(() => t.close());

const titles = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/releases${query}`, headers });
  return { status: res.statusCode, body: res.json() };
};

describe('GET /releases filters (issue 13, finding 8)', () => {
  it('finds releases by words in the title, any case, with like characters taken literally', async () => {
    const found = await titles('?q=SALESFORCE');
    expect(found.body.items.map((r: { title: string }) => r.title)).toEqual(['Salesforce sync v2']);
    const percent = await titles('?q=100%25');
    expect(percent.body.items.map((r: { title: string }) => r.title)).toEqual(['Invoice PDF 100% redesign']);
    expect((await titles('?q=nothing-like-it')).body.items).toEqual([]);
  });

  it('refuses a parameter it does not document, naming it, instead of ignoring it', async () => {
    const res = await titles('?search=salesforce');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'query.search', message: 'is not a known field' }]);
  });
});
