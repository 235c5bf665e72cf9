import type { Db } from '../../db/client.ts';

/** The callers, outcomes and case shape of the authorization matrix (authorization.test.ts and its parts). */
export type Who =
  | 'anon'
  | 'stakeholder'
  | 'engineer'
  | 'pm'
  | 'pmOwner'
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
  body?: (c: Ctx) => unknown;
}

export const publicRoute: Case['expect'] = { rest: 'ok' };
export const signedInOnly: Case['expect'] = { anon: 401, rest: 'ok' };
export const managers = (extra: Partial<Record<Who, Outcome>> = {}): Case['expect'] => ({
  anon: 401,
  stakeholder: 403,
  engineer: 403,
  pm: 403,
  pmOwner: 403,
  ...extra,
  rest: 'ok',
});
