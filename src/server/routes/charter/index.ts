import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../../db/client.ts';
import {
  charterAsMarkdown,
  getCharter,
  listCharterVersions,
  saveCharter,
} from '../../../services/charter/charter.ts';
import {
  createFriction,
  getFriction,
  listFrictions,
  rankFrictions,
  updateFriction,
} from '../../../services/charter/frictions.ts';
import {
  ZCharter,
  ZCharterContent,
  ZCharterVersionList,
  ZFriction,
  ZFrictionInput,
  ZFrictionList,
  ZFrictionPatch,
  ZFrictionRanking,
} from '../../../shared/charter.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { can } from '../../policies/index.ts';
import { textBody } from '../media.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['charter'];
const policy = (resource: 'charter' | 'friction', action: 'read' | 'create' | 'update') => ({
  policy: { resource, action },
});

export function charterLoaders(db: Db) {
  return {
    friction: async (_req: FastifyRequest, id: string) => {
      const value = await getFriction(db, id);
      return value ? { resource: { type: 'friction' as const }, value } : null;
    },
  };
}

const mayEdit = (req: FastifyRequest, type: 'charter' | 'friction') => ({
  update: can(req.actor!, 'update', { type }),
});

/** Issue 16 (C8): the Product Ops charter (pack §1) and the ranked top frictions (pack §0). */
export async function charterRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/charter', {
    config: policy('charter', 'read'),
    schema: {
      tags,
      summary: "The Product Ops charter: the latest saved version, or the pack's text (isDefault) until one",
      response: { 200: ZCharter, ...errors },
    },
    handler: async (req) => ({ ...(await getCharter(db)), permissions: mayEdit(req, 'charter') }),
  });
  r.get('/charter.md', {
    config: policy('charter', 'read'),
    schema: {
      tags,
      summary: 'The charter as one page of markdown',
      response: { 200: textBody('text/markdown'), ...errors },
    },
    handler: async (_req, reply) =>
      reply
        .type('text/markdown; charset=utf-8')
        .header('content-disposition', 'attachment; filename="product-ops-charter.md"')
        .send(await charterAsMarkdown(db)),
  });
  r.get('/charter/versions', {
    config: policy('charter', 'read'),
    schema: {
      tags,
      summary: 'Every saved version of the charter, newest first: who saved it, when, what changed',
      response: { 200: ZCharterVersionList, ...errors },
    },
    handler: async () => listCharterVersions(db),
  });
  r.put('/charter', {
    config: policy('charter', 'update'),
    schema: {
      tags,
      summary: 'Save the next version of the charter (every section; the history keeps the others)',
      body: ZCharterContent,
      response: { 200: ZCharter, ...errors },
    },
    handler: async (req) => ({
      ...(await saveCharter({ db, actor: req.actor!, content: req.body, now: req.now })),
      permissions: mayEdit(req, 'charter'),
    }),
  });

  r.get('/frictions', {
    config: policy('friction', 'read'),
    schema: {
      tags,
      summary: 'The top frictions, ranked, with evidence and the rituals that address them; unmapped rituals',
      response: { 200: ZFrictionList, ...errors },
    },
    handler: async (req) => ({ ...(await listFrictions(db)), permissions: mayEdit(req, 'friction') }),
  });
  r.post('/frictions', {
    config: policy('friction', 'create'),
    schema: {
      tags,
      summary: 'Add a friction at the bottom of the ranking',
      body: ZFrictionInput,
      response: { 201: ZFriction, ...errors },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await createFriction({ db, actor: req.actor!, input: req.body, now: req.now })),
  });
  r.patch('/frictions/:id', {
    config: policy('friction', 'update'),
    schema: {
      tags,
      summary: 'Change a friction; retired: true takes it out of the ranking, false brings it back last',
      params: ZIdParams,
      body: ZFrictionPatch,
      response: { 200: ZFriction, ...errors },
    },
    handler: async (req) =>
      updateFriction({ db, actor: req.actor!, id: req.params.id, patch: req.body, now: req.now }),
  });
  r.put('/frictions/ranking', {
    config: policy('friction', 'update'),
    schema: {
      tags,
      summary: 'Rerank the active frictions: every one of their ids, worst first',
      body: ZFrictionRanking,
      response: { 200: ZFrictionList, ...errors },
    },
    handler: async (req) => ({
      ...(await rankFrictions({ db, actor: req.actor!, ids: req.body.ids, now: req.now })),
      permissions: mayEdit(req, 'friction'),
    }),
  });
}
