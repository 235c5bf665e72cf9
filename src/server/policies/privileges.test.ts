import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from './privileges-cases.fixture.ts';
import { ownerSpecs } from './privileges-owners.fixture.ts';
import { recordSpecs } from './privileges-records.fixture.ts';
import { World } from './privileges-world.fixture.ts';

/**
 * The security matrix: every route whose body carries a privileged field (roles, credentials, the area a record
 * lives in, who owns it), called by every role, on records in the caller's own area, another PM's area and an
 * area nobody owns, moving them to each of those. The list of routes comes from the app's route table, so a new
 * route taking such a field fails the first test until it is in the matrix (or exempt, with the reason).
 * The expectations are written from the SPEC, independently of the policy code, in the case tables by route group
 * (privileges-records and privileges-owners fixtures; the world they run in is privileges-world.fixture.ts).
 */

const PRIVILEGED = [
  'roles',
  'password',
  'currentPassword',
  'email',
  'active',
  'areaId',
  'ownerPmId',
  'pmOwnerId',
  'engOwnerId',
  'ownerId',
];

/** Routes that take such a field without it granting anything, and why. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/sign-in': 'the password is the credential being checked (security.test.ts)',
  'POST /api/v1/rituals': 'attendees.roles says who attends a ritual; only org managers write rituals',
  'PATCH /api/v1/rituals/:id': 'attendees.roles says who attends a ritual; only org managers write rituals',
  'POST /api/v1/channels':
    "a channel's email is its list address; only admins and Product Ops write channels",
  'PATCH /api/v1/channels/:id':
    "a channel's email is its list address; only admins and Product Ops write channels",
  'POST /api/v1/subscriptions':
    "areaId filters the caller's own subscription; it writes nothing into the area",
  'POST /api/v1/bets':
    "a bet's owner answers for it and gains nothing by it; every member of the product org writes bets",
  'PATCH /api/v1/bets/:id':
    "a bet's owner answers for it and gains nothing by it; every member of the product org writes bets",
  'POST /api/v1/webhooks':
    "a webhook's active flag pauses its deliveries and grants nothing; only admins and Product Ops write webhooks",
  'PATCH /api/v1/webhooks/:id':
    "a webhook's active flag pauses its deliveries and grants nothing; only admins and Product Ops write webhooks",
};

const w = new World();
beforeAll(() => w.start());
afterAll(() => w.t.close());

/** The cases by route, grouped: records that live in an area, then owners and people. */
const SPECS = { ...recordSpecs(w), ...ownerSpecs(w) };

const routeKey = (method: string, url: string) => `${method} ${url}`;

describe('security matrix (route × role × ownership × privileged field)', () => {
  it('covers every route whose body takes a privileged field, and each such field', () => {
    const found: Record<string, string[]> = {};
    for (const r of w.t.app.routeTable) {
      const fields = r.bodyFields.filter((f) => PRIVILEGED.includes(f.split('.').pop()!));
      if (fields.length) found[routeKey(r.method, r.url)] = fields.sort();
    }
    const covered = Object.fromEntries(Object.entries(SPECS).map(([k, s]) => [k, [...s.fields].sort()]));
    const exempt = Object.keys(EXEMPT);
    expect(Object.keys(found).sort()).toEqual([...Object.keys(SPECS), ...exempt].sort());
    for (const key of Object.keys(SPECS))
      expect({ key, fields: found[key] }).toEqual({ key, fields: covered[key] });
  });

  let total = 0;
  let failed = 0;
  for (const [route, spec] of Object.entries(SPECS)) {
    it(`${route}: every caller, ownership and target`, async () => {
      const failures: string[] = [];
      const calls = spec.calls();
      for (const c of calls) {
        const url = await c.url();
        const res = await w.t.app.inject({
          method: c.method,
          url,
          headers: c.headers?.() ?? w.callers.get(c.who)!.headers,
          payload: c.body(),
        });
        const got: Verdict | number =
          res.statusCode === 403
            ? 'denied'
            : [200, 201, 400, 409].includes(res.statusCode)
              ? 'allowed'
              : res.statusCode;
        if (got !== c.expect)
          failures.push(`${c.label}: expected ${c.expect}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
      total += calls.length;
      failed += failures.length;
      expect(failures).toEqual([]);
      // PATCH /people alone makes ~200 calls, each hashing or checking a password: ~10 s idle, ~55 s under load.
    }, 180_000);
  }
  afterAll(() => {
    console.log(`security matrix: ${total} cases, ${failed} failed`);
  });
});
