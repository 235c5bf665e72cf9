import type { Db } from '../../db/client.ts';

/** The callers, outcomes and case shape of the authorization matrix (authorization.test.ts and its parts). */
export type Who =
  | 'anon'
  | 'stakeholder'
  | 'engineer'
  | 'pm'
  | 'pmOwner'
  /** A PM who owns another area: the "other area" case of every area-owned route. */
  | 'pmOther'
  | 'product_ops'
  | 'head_of_product'
  | 'admin';
export type Outcome = 'ok' | 401 | 403;
export const WHO: Who[] = [
  'anon',
  'stakeholder',
  'engineer',
  'pm',
  'pmOwner',
  'pmOther',
  'product_ops',
  'head_of_product',
  'admin',
];

export interface Ctx {
  db: Db;
  ids: {
    area: string;
    pod: string;
    person: string;
    ritual: string;
    occurrence: string;
    channel: string;
    release: string;
    pmOwner: string;
  };
  who: Who;
  personId: string | null;
}
export interface Case {
  /** Outcome per caller; callers not listed get `rest`. */
  expect: Partial<Record<Who, Outcome>> & { rest: Outcome };
  url?: (c: Ctx) => Promise<string> | string;
  /** The body: JSON unless `headers` give another Content-Type (an upload's bytes, a Buffer). */
  body?: (c: Ctx) => unknown;
  headers?: Record<string, string>;
}

/** What a caller should get: a PM owning another area is, unless a case says otherwise, any other PM. */
export const outcomeFor = (expect: Case['expect'], who: Who): Outcome =>
  expect[who] ?? (who === 'pmOther' ? expect.pm : undefined) ?? expect.rest;

export const publicRoute: Case['expect'] = { rest: 'ok' };
export const signedInOnly: Case['expect'] = { anon: 401, rest: 'ok' };
/** Everyone in the product org; stakeholders are refused. */
export const productOrg: Case['expect'] = { anon: 401, stakeholder: 403, rest: 'ok' };
export const managers = (extra: Partial<Record<Who, Outcome>> = {}): Case['expect'] => ({
  anon: 401,
  stakeholder: 403,
  engineer: 403,
  pm: 403,
  pmOwner: 403,
  ...extra,
  rest: 'ok',
});
