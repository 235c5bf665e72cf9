import { createRequest } from '../../services/surveys/requests.ts';
import {
  type Case,
  type Ctx,
  managers,
  productOrg,
  publicRoute,
  signedInOnly,
} from './authorization-cases.fixture.ts';

/**
 * Surveys (issue 16) in the authorization matrix: results are the product org's, a pulse is started by Product
 * Ops and up, everyone answers their own (signed in, or by the link, which is the credential).
 */

const now = new Date('2026-11-20T12:00:00Z');

/** A fresh awareness request for `personId`: its id and one-click token. */
async function aRequest(c: Ctx, personId: string) {
  const req = await createRequest(c.db, {
    kind: 'launch_awareness',
    subject: crypto.randomUUID(),
    personId,
    now,
  });
  return req!;
}

export const SURVEY_CASES: Record<string, Case> = {
  'GET /api/v1/surveys/awareness': { expect: productOrg },
  'GET /api/v1/surveys/pulse': { expect: productOrg },
  'POST /api/v1/surveys/pulse': { expect: managers(), body: () => ({}) },
  'GET /api/v1/surveys/mine': { expect: signedInOnly },
  'POST /api/v1/surveys/mine/:id': {
    expect: signedInOnly,
    url: async (c) =>
      `/api/v1/surveys/mine/${c.personId ? (await aRequest(c, c.personId)).id : crypto.randomUUID()}`,
    body: () => ({ aware: true }),
  },
  'GET /api/v1/surveys/answer/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/surveys/answer/${(await aRequest(c, c.ids.person)).token}`,
  },
  'POST /api/v1/surveys/answer/:token': {
    expect: publicRoute,
    url: async (c) => `/api/v1/surveys/answer/${(await aRequest(c, c.ids.person)).token}`,
    body: () => ({ aware: false, comment: 'Heard from a customer' }),
  },
};
