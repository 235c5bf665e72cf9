import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn } from '../../test/factories.ts';
import {
  allStrings,
  BAD_TEXT,
  EDGE_VALUES,
  type Generated,
  generate,
  leafPaths,
  type Random,
  seeded,
  stringPaths,
  uuidOf,
  withAt,
} from '../../test/fuzz.ts';
import { manualClock } from '../shared/clock.ts';
import type { RouteEntry } from './policies/hook.ts';
import { seedValidationRecords } from './routes/validation-records.fixture.ts';

/**
 * Issue 21: a seeded property test over every write route's schema (and every read route's query), driven by
 * the route table, on the records the validation cases use. Each case is a plausible request with tricky text, or one with bad text,
 * an edge value, an empty body, bytes that are not UTF-8 or an over-long path part. Every answer: no 5xx, an
 * error in the one shape, bad text refused by field, and accepted text back exactly as sent. PRODOPS_FUZZ_SEED
 * and PRODOPS_FUZZ_CASES change the run (a failure prints its seed and case number).
 */
const SEED = Number(process.env.PRODOPS_FUZZ_SEED ?? 21);
const CASES = Number(process.env.PRODOPS_FUZZ_CASES ?? 400);
const clock = manualClock('2026-11-18T10:00:00Z');
/** Slack's own requests are refused unsigned before the body is read: routes/slack/slack.test.ts fuzzes nothing. */
const SIGNED_BY_SLACK = ['/api/v1/slack/commands', '/api/v1/slack/interactions'];

const ZOneShape = z.strictObject({
  error: z.strictObject({
    code: z.string().min(1),
    message: z.string().min(1),
    fields: z.array(z.strictObject({ path: z.string(), message: z.string().min(1) })).optional(),
  }),
});

let t: TestApp;
let shared: { headers: Record<string, string> };
/** Real ids by list address ("/api/v1/areas"), from those records, so some requests reach their handlers. */
const idsByList = new Map<string, string[]>();

beforeAll(async () => {
  t = await createTestApp({ clock, planFrom: clock.now() });
  const admin = await signedIn(t.database.db, ['admin']);
  const { headers } = admin;
  await seedValidationRecords(t, admin, {});
  shared = await signedIn(t.database.db, ['admin']);
  for (const r of t.app.routeTable) {
    if (r.method !== 'GET' || r.url.includes(':') || !r.url.startsWith('/api/v1/')) continue;
    const res = await t.app.inject({ url: r.url, headers });
    const json = res.headers['content-type']?.toString().startsWith('application/json')
      ? res.json()
      : undefined;
    const items =
      res.statusCode === 200 ? (json as { items?: { id?: unknown }[] } | undefined)?.items : undefined;
    const ids = (Array.isArray(items) ? items : []).map((x) => x.id).filter((x) => typeof x === 'string');
    if (ids.length > 0) idsByList.set(r.url, ids as string[]);
  }
}, 120_000);
afterAll(() => t.close());

const FIELD_LISTS: [RegExp, string][] = [
  [/area/i, '/api/v1/areas'],
  [/release/i, '/api/v1/releases'],
  [/pod/i, '/api/v1/pods'],
  [/decision/i, '/api/v1/decisions'],
  [/channel/i, '/api/v1/channels'],
  [/ritual/i, '/api/v1/rituals'],
  [/bet/i, '/api/v1/bets'],
  [/item/i, '/api/v1/roadmap/items'],
  [/person|owner|assignee|signer|pm|lead|member|people/i, '/api/v1/people'],
];

function idFor(rnd: Random, field: string): string | undefined {
  const list = FIELD_LISTS.find(([re]) => re.test(field))?.[1];
  const ids = list ? idsByList.get(list) : undefined;
  return ids && rnd.chance(0.9) ? rnd.pick(ids) : undefined;
}

/** The route's address with its parameters filled: `:id` from the list it sits under, others from the schema. */
function urlOf(rnd: Random, route: RouteEntry, gen: (schema: unknown) => Generated): string {
  const params = (gen(route.schema.params).value ?? {}) as Record<string, unknown>;
  return route.url.replace(/:(\w+)/g, (_, name: string, at: number) => {
    const ids = name === 'id' ? idsByList.get(route.url.slice(0, at - 1)) : undefined;
    const value = ids && rnd.chance(0.9) ? rnd.pick(ids) : (params[name] ?? uuidOf(rnd));
    return encodeURIComponent(String(value));
  });
}

/** A query string as a client sends it; a lone surrogate as its (invalid) UTF-8 bytes, `bytesAt` as %C3%28. */
function queryOf(value: unknown, bytesAt?: string): string {
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value)
    .map(([k, v]) => `${encodeURIComponent(k)}=${k === bytesAt ? '%C3%28' : encodeUnits(String(v))}`)
    .join('&');
}

const encodeUnits = (s: string) =>
  s.replace(/[\s\S]/gu, (c) => {
    const u = c.charCodeAt(0);
    if (c.length > 1 || u < 0xd800 || u > 0xdfff) return encodeURIComponent(c);
    return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 63), 0x80 | (u & 63)]
      .map((b) => `%${b.toString(16)}`)
      .join('');
  });

type Kind = 'plausible' | 'bad-text' | 'edge-value' | 'empty-body' | 'bad-bytes' | 'long-param';
const KINDS: Kind[] = [
  'plausible',
  'plausible',
  'plausible',
  'bad-text',
  'bad-text',
  'edge-value',
  'edge-value',
];
const RARE: Kind[] = ['empty-body', 'bad-bytes', 'long-param'];

interface Outcome {
  kind: Kind;
  status: number;
  roundTrips: number;
  failure?: string;
}

/** One case: a request built for `route`, sent as a fresh admin, and what is wrong with its answer. */
async function runCase(n: number, rnd: Random, route: RouteEntry): Promise<Outcome> {
  let markers = 0;
  const gen = (schema: unknown) =>
    generate(schema, { rnd, idFor: (f) => idFor(rnd, f), marker: () => `fz${n}x${markers++}` });
  const write = route.method !== 'GET';
  const input = write ? route.schema.body : route.schema.querystring;
  const kind = rnd.chance(0.2) ? rnd.pick(RARE) : rnd.pick(KINDS);
  const base = gen(input);
  let value: unknown = base.value ?? {};
  let texts = base.texts;
  let badAt: string | undefined;
  let url = urlOf(rnd, route, gen);
  let raw: Buffer | undefined;
  let long: string | undefined;
  if (kind === 'bad-text' || kind === 'edge-value') {
    const paths = kind === 'bad-text' ? stringPaths(value) : leafPaths(value);
    const at = paths.length > 0 ? rnd.pick(paths) : (route.bodyFields[0] ?? 'q');
    value = withAt(
      typeof value === 'object' ? value : {},
      at,
      kind === 'bad-text' ? rnd.pick(BAD_TEXT) : rnd.pick(EDGE_VALUES),
    );
    texts = texts.filter((x) => !x.path.startsWith(at));
    if (kind === 'bad-text') badAt = at;
  } else if (kind === 'empty-body') {
    value = {};
    texts = [];
  } else if (kind === 'bad-bytes') {
    raw = Buffer.concat([Buffer.from('{"name":"A'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    badAt = 'body';
  } else if (kind === 'long-param') {
    long = 'y'.repeat(101 + rnd.int(400));
    url = url.includes('/api/v1/') ? url.replace(/\/[^/]+$/, `/${long}`) : url;
  }
  // A request about the caller's own credentials or person may end them: it gets an admin of its own.
  if (/\/(auth|me|people)(\/|$)/.test(route.url)) shared = await signedIn(t.database.db, ['admin']);
  const { headers } = shared;
  if (!write && raw) {
    // A query's bytes: percent-encoding that is not UTF-8.
    raw = undefined;
    badAt = Object.keys(value as object)[0] ?? 'q';
    value = { ...(value as object), [badAt]: '\u0000' };
  }
  const query = write ? '' : queryOf(value, kind === 'bad-bytes' ? badAt : undefined);
  const res = await t.app.inject({
    method: route.method as 'POST',
    url: query ? `${url}?${query}` : url,
    headers: raw ? { ...headers, 'content-type': 'application/json' } : headers,
    ...(raw ? { payload: raw } : write ? { payload: value as object } : {}),
  });
  const out: Outcome = { kind, status: res.statusCode, roundTrips: 0 };
  const fail = (why: string) => ({
    ...out,
    failure: `#${n} ${kind} ${route.method} ${url.slice(0, 80)}${badAt ? ` at ${badAt}` : ''}: ${why} — ${res.statusCode} ${res.body.slice(0, 160)}`,
  });
  if (res.statusCode >= 500) return fail('a 5xx');
  let json: unknown;
  try {
    json = res.json();
  } catch {
    json = undefined;
  }
  if (res.statusCode >= 400) {
    if (!ZOneShape.safeParse(json).success) return fail('not the one error shape');
    if (long && res.body.includes(long)) return fail('the path echoed');
    const fields = (json as z.infer<typeof ZOneShape>).error.fields?.map((f) => f.path) ?? [];
    const named = (p: string) => fields.includes(write ? p : `query.${p}`) || fields.includes(p);
    if (badAt && res.statusCode === 400 && !named(badAt)) return fail(`${badAt} not named`);
    return out;
  }
  if (badAt && res.statusCode < 300) return fail('bad text accepted');
  const strings = allStrings(json);
  for (const { path, text } of texts) {
    const marker = text.split(' ')[0]!;
    if (!strings.some((s) => s.includes(marker))) continue; // not in this answer
    out.roundTrips++;
    if (!strings.some((s) => s.includes(text))) return fail(`${path} came back changed`);
  }
  return out;
}

describe('input fuzz (issue 21)', () => {
  it(`seed ${SEED}, ${CASES} cases over the route table: no 5xx, one error shape, text back exactly`, async () => {
    const rnd = seeded(SEED);
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/v1/') && !SIGNED_BY_SLACK.includes(r.url))
      .filter((r) => r.method !== 'HEAD' && (r.method !== 'GET' || r.schema.querystring));
    const order = routes
      .map((r) => ({ r, k: rnd.next() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.r);
    const outcomes: Outcome[] = [];
    for (let n = 0; n < CASES; n++) outcomes.push(await runCase(n, rnd, order[n % order.length]!));
    const tally = (f: (o: Outcome) => string) =>
      outcomes.reduce<Record<string, number>>((acc, o) => {
        acc[f(o)] = (acc[f(o)] ?? 0) + 1;
        return acc;
      }, {});
    const failures = outcomes.flatMap((o) => (o.failure ? [o.failure] : []));
    console.log(
      `input fuzz: seed ${SEED}, ${outcomes.length} cases over ${order.length} routes ` +
        `(${routes.filter((r) => r.method !== 'GET').length} write); ` +
        `by kind ${JSON.stringify(tally((o) => o.kind))}; by status ${JSON.stringify(tally((o) => `${o.status}`))}; ` +
        `${outcomes.reduce((s, o) => s + o.roundTrips, 0)} texts read back; ${failures.length} failures`,
    );
    expect(outcomes.length).toBe(CASES);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 300_000);
});
