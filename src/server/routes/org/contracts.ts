import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import { contractMarkdown } from '../../../domain/org/contract-markdown.ts';
import type { Actor } from '../../../services/actor.ts';
import {
  contractSummaries,
  nameContractSigners,
  type PodContractView,
  proposeContractVersion,
  readPodContract,
  signContract,
} from '../../../services/org/contracts.ts';
import type { PodView } from '../../../services/org/pods.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import {
  type TPodContract,
  type TPodContractSummary,
  ZContractInput,
  ZContractSignersInput,
  ZContractSignInput,
  ZPodContract,
} from '../../../shared/contracts.ts';
import { AppError } from '../../../shared/errors.ts';
import { can, type Resource } from '../../policies/index.ts';
import { textBody } from '../media.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['pods'];

const contractResource = (v: { pmIds: string[]; signerIds: string[] }): Resource => ({
  type: 'pod_contract',
  pmIds: v.pmIds,
  signerIds: v.signerIds,
});

/** `:id` is the pod: its contract (or none yet) is what the policy decides on. */
export function contractLoaders(db: Db) {
  return {
    pod_contract: async (_req: FastifyRequest, id: string) => {
      const value = await readPodContract(db, id);
      // Said as users name it ("pod not found"), not as the resource type.
      if (!value) throw new AppError('not_found', 'pod not found');
      return { resource: contractResource(value), value };
    },
  };
}

/** The contract as this caller reads it, with what they may do with it. */
export function presentContract(actor: Actor, v: PodContractView): TPodContract {
  const { pmIds: _p, signerIds: _s, ...view } = v;
  const res = contractResource(v);
  const mine = v.contract?.signers.find((s) => s.personId === actor.personId);
  return {
    ...view,
    permissions: { propose: can(actor, 'create', res), sign: mine !== undefined && mine.signedAt === null },
  };
}

/**
 * The pods list's and page's contract line, for callers who may read the contract (null for the rest: a
 * stakeholder not named to sign it learns nothing about it).
 */
export async function withContracts(
  db: Db,
  views: PodView[],
  _now: Date,
  actor: Actor,
): Promise<(PodView & { contract: TPodContractSummary | null })[]> {
  const summaries = await contractSummaries(
    db,
    views.map((v) => v.id),
  );
  return views.map((v) => {
    const s = summaries.get(v.id)!;
    const readable = can(actor, 'read', { type: 'pod_contract', signerIds: s.signerIds });
    return { ...v, contract: readable ? { state: s.state, version: s.version, signedOn: s.signedOn } : null };
  });
}

const loaded = (req: FastifyRequest) => req.loaded as PodContractView;

/** Issue 15: a pod's strategy contract, its versions, its sign-off and its one page as markdown. */
export async function contractRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const policy = (action: 'read' | 'create' | 'update') => ({
    policy: { resource: 'pod_contract' as const, action },
  });
  r.get('/pods/:id/contract', {
    config: policy('read'),
    schema: {
      tags,
      summary: "A pod's strategy contract: the current version, its sign-off state, the versions before it",
      params: ZIdParams,
      response: { 200: ZPodContract, ...errors },
    },
    handler: async (req) => presentContract(req.actor!, loaded(req)),
  });
  r.get('/pods/:id/contract.md', {
    config: policy('read'),
    schema: {
      tags,
      summary: "The pod's current strategy contract as one page of markdown (404 when it has none)",
      params: ZIdParams,
      response: { 200: textBody('text/markdown'), ...errors },
    },
    handler: async (req, reply) => {
      const v = loaded(req);
      if (!v.contract) throw new AppError('not_found', `${v.podName} has no strategy contract yet`);
      return reply
        .type('text/markdown; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${v.podSlug}-contract-v${v.contract.version}.md"`,
        )
        .send(contractMarkdown(v.podName, v.contract));
    },
  });
  r.post('/pods/:id/contract', {
    config: policy('create'),
    schema: {
      tags,
      summary:
        'Propose a new version (the pod PM, Product Ops, Head of Product); its signers are asked to sign it',
      params: ZIdParams,
      body: ZContractInput,
      response: { 201: ZPodContract, ...errors },
    },
    handler: async (req, reply) => {
      const view = await proposeContractVersion({
        db,
        actor: req.actor!,
        podId: req.params.id,
        input: req.body,
        now: req.now,
      });
      return reply.status(201).send(presentContract(req.actor!, view));
    },
  });
  r.post('/pods/:id/contract/signers', {
    config: policy('create'),
    schema: {
      tags,
      summary: 'Ask more people to sign the current version (people already named are left as they are)',
      params: ZIdParams,
      body: ZContractSignersInput,
      response: { 200: ZPodContract, ...errors },
    },
    handler: async (req) =>
      presentContract(
        req.actor!,
        await nameContractSigners({
          db,
          actor: req.actor!,
          podId: req.params.id,
          signers: req.body.signers,
          now: req.now,
        }),
      ),
  });
  r.post('/pods/:id/contract/sign', {
    config: policy('update'),
    schema: {
      tags,
      summary:
        'Sign the current version, for yourself (named signers only); signing again changes nothing. ' +
        '`version`, if given, must still be the current one',
      params: ZIdParams,
      body: ZContractSignInput,
      response: { 200: ZPodContract, ...errors },
    },
    handler: async (req) =>
      presentContract(
        req.actor!,
        await signContract({
          db,
          actor: req.actor!,
          podId: req.params.id,
          version: req.body?.version ?? undefined,
          now: req.now,
        }),
      ),
  });
}
