import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  getQbr,
  getQbrVersion,
  listQbrVersions,
  publishQbr,
  qbrIndex,
} from '../../../services/charter/qbr.ts';
import {
  ZQbr,
  ZQbrIndex,
  ZQbrPublishInput,
  ZQbrVersion,
  ZQbrVersionList,
  ZQuarterParams,
  ZQuarterVersionParams,
} from '../../../shared/charter.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { can } from '../../policies/index.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['qbr'];
const policy = (action: 'read' | 'create') => ({ policy: { resource: 'quarterly_plan' as const, action } });

/** Issue 16 (C8): the quarterly Planning/QBR artifact (pack §3), one immutable version per publication. */
export async function qbrRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/qbr', {
    config: policy('read'),
    schema: {
      tags,
      summary: "The current fiscal quarter and every quarter's latest published QBR",
      response: { 200: ZQbrIndex, ...errors },
    },
    handler: async (req) => qbrIndex(req.ctx),
  });
  r.get('/qbr/:quarter', {
    config: policy('read'),
    schema: {
      tags,
      summary: "A quarter's QBR: the draft publishing now would hold, and the latest published version",
      params: ZQuarterParams,
      response: { 200: ZQbr, ...errors },
    },
    handler: async (req) => ({
      ...(await getQbr(req.ctx, req.params.quarter)),
      permissions: { publish: can(req.actor!, 'create', { type: 'quarterly_plan' }) },
    }),
  });
  r.post('/qbr/:quarter/publish', {
    config: policy('create'),
    schema: {
      tags,
      summary:
        'Publish the next version: the plan and retrospective given, the figures and frictions as they stand',
      params: ZQuarterParams,
      body: ZQbrPublishInput,
      response: { 201: ZQbrVersion, ...errors },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(
          await publishQbr({ ctx: req.ctx, actor: req.actor!, quarter: req.params.quarter, input: req.body }),
        ),
  });
  r.get('/qbr/:quarter/versions', {
    config: policy('read'),
    schema: {
      tags,
      summary: "The quarter's published versions, newest first",
      params: ZQuarterParams,
      response: { 200: ZQbrVersionList, ...errors },
    },
    handler: async (req) => listQbrVersions(db, req.params.quarter),
  });
  r.get('/qbr/:quarter/versions/:version', {
    config: policy('read'),
    schema: {
      tags,
      summary: 'One published version, as it was published',
      params: ZQuarterVersionParams,
      response: { 200: ZQbrVersion, ...errors },
    },
    handler: async (req) => getQbrVersion(db, req.params.quarter, req.params.version),
  });
}
