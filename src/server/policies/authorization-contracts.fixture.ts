import { makePod } from '../../../test/factories.ts';
import { systemActor } from '../../services/actor.ts';
import { proposeContractVersion } from '../../services/org/contracts.ts';
import type { TContractInput } from '../../shared/contracts.ts';
import { type Case, type Ctx, managers, productOrg, signedInOnly } from './authorization-cases.fixture.ts';

/**
 * Pods' strategy contracts (issue 15) in the app-wide authorization matrix (authorization.test.ts). A stakeholder
 * named to sign a contract reads and signs it (routes/org/contracts.test.ts has the one not named, refused).
 */

export const contractPage = (): TContractInput => ({
  goal: 'Every disputed invoice is explained in the product.',
  metrics: [{ name: 'Billing tickets per 1,000 users', target: 'under 2' }],
  risks: [{ text: 'Usage lines become a contract with finance customers', oneWayDoor: true }],
  deadline: '2027-01-29',
});

/** A fresh pod with `pmOwner` as its PM and (unless `contract` is false) a contract naming `signers`; its id. */
async function contractPod(c: Ctx, o: { signers?: string[]; contract?: boolean } = {}): Promise<string> {
  const pod = await makePod(c.db, { members: [{ personId: c.ids.pmOwner, role: 'pm' }] });
  if (o.contract !== false)
    await proposeContractVersion({
      db: c.db,
      actor: systemActor('test'),
      podId: pod.id,
      input: { ...contractPage(), signers: o.signers ?? [] },
      now: new Date('2026-11-20T12:00:00Z'),
    });
  return pod.id;
}

export const CONTRACT_CASES: Record<string, Case> = {
  'GET /api/v1/pods/:id/contract': { expect: productOrg },
  'GET /api/v1/pods/:id/contract.md': {
    expect: productOrg,
    url: async (c) => `/api/v1/pods/${await contractPod(c)}/contract.md`,
  },
  // The pod's PM (pmOwner here), Product Ops and the Head of Product propose; the area's owner does not.
  'POST /api/v1/pods/:id/contract': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/pods/${await contractPod(c, { contract: false })}/contract`,
    body: contractPage,
  },
  'POST /api/v1/pods/:id/contract/signers': {
    expect: managers({ pmOwner: 'ok' }),
    url: async (c) => `/api/v1/pods/${await contractPod(c)}/contract/signers`,
    body: (c) => ({ signers: [c.ids.person] }),
  },
  // Each caller is named to sign this one: everyone signed in signs, a stakeholder too.
  'POST /api/v1/pods/:id/contract/sign': {
    expect: signedInOnly,
    url: async (c) =>
      `/api/v1/pods/${await contractPod(c, { signers: c.personId ? [c.personId] : [] })}/contract/sign`,
  },
};
