import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';

/**
 * One contract per endpoint: every operation in the OpenAPI document declares what each of its 2xx responses
 * returns. A schema that is missing, `{}` or says nothing of its shape (z.any(), z.unknown()) fails here; a 204
 * declares no body (z.null()), which the document shows as a response without content.
 */
type Schema = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

const SHAPE_KEYS = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties'];
const describesAShape = (s: Schema | undefined) =>
  s !== undefined && s !== null && SHAPE_KEYS.some((k) => k in s);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('declares a response schema with a shape for every 2xx of every operation', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, Operation>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
    );
    const failing: string[] = [];
    for (const { name, op } of operations) {
      const responses = Object.entries(op.responses ?? {});
      // A route that sends the browser on (single sign-on's start and callback) answers with a redirect instead.
      if (!responses.some(([code]) => /^2/.test(code) || code === '302' || code === '303'))
        failing.push(`${name}: no 2xx response`);
      for (const [code, response] of responses) {
        if (!/^2/.test(code)) continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0) {
          // A body-less 2xx is only honest for 204 No Content.
          if (code !== '204') failing.push(`${name} ${code}: no schema`);
          continue;
        }
        for (const [type, m] of media)
          if (!describesAShape(m.schema))
            failing.push(`${name} ${code} ${type}: ${JSON.stringify(m.schema)}`);
      }
    }
    if (failing.length) console.log(`${failing.length} responses without a contract:\n${failing.join('\n')}`);
    expect(operations.length).toBeGreaterThan(100);
    expect(failing).toEqual([]);
  });
});
