import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../services/actor.ts';
import { ZErrorBody, ZIdParams, ZListQuery } from '../../shared/common.ts';
import { invalid } from '../../shared/errors.ts';
import { can, type Resource, type ResourceType } from '../policies/index.ts';

interface Services<V, I, P> {
  // biome-ignore lint/suspicious/noExplicitAny: the list query is the spec's own schema (ZListQuery by default)
  list(db: Db, q: any): Promise<{ items: V[]; nextCursor: string | null }>;
  get(db: Db, id: string, now: Date): Promise<V | null>;
  create(o: { db: Db; actor: Actor; input: I; now: Date }): Promise<V>;
  update(o: { db: Db; actor: Actor; id: string; patch: P; now: Date }): Promise<V>;
  remove(o: { db: Db; actor: Actor; id: string; now: Date }): Promise<void>;
}

export interface CrudSpec<V, I extends z.ZodType, P extends z.ZodType> {
  path: string;
  resource: ResourceType;
  label: string;
  /** `query` replaces ZListQuery for lists with filters of their own. */
  schemas: { input: I; patch: P; item: z.ZodType; list: z.ZodType; query?: z.ZodType };
  services: Services<V, z.infer<I>, z.infer<P>>;
  /** The policy's view of one item: decides `permissions` in responses and access for `:id` routes. */
  resourceOf(view: V): Resource;
  /**
   * Fields a response adds to the services' views, read once per response and as the caller may read them (a
   * release's stakeholder "when", a pod's strategy contract state).
   */
  decorate?(db: Db, views: V[], now: Date, actor: Actor): Promise<V[]>;
}

/** A patch that names no field: an UPDATE with nothing to set (Drizzle throws; it was a 500). */
export const nothingIn = (patch: unknown) =>
  typeof patch === 'object' && patch !== null && Object.values(patch).every((v) => v === undefined);

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/** Registers list/get/create/update/delete for one resource, all behind the policy hook. */
export function registerCrud<V, I extends z.ZodType, P extends z.ZodType>(
  app: FastifyInstance,
  spec: CrudSpec<V, I, P>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.deps;
  const tags = [spec.label];
  const presentOne = (req: FastifyRequest, view: V) => {
    const actor = req.actor!;
    const res = spec.resourceOf(view);
    return { ...view, permissions: { update: can(actor, 'update', res), delete: can(actor, 'delete', res) } };
  };
  const presentAll = async (req: FastifyRequest, views: V[]) =>
    (spec.decorate ? await spec.decorate(db, views, req.now, req.actor!) : views).map((v) =>
      presentOne(req, v),
    );
  const present = async (req: FastifyRequest, view: V) => (await presentAll(req, [view]))[0]!;
  const policy = (action: 'read' | 'create' | 'update' | 'delete') => ({
    policy: { resource: spec.resource, action },
  });

  r.get(spec.path, {
    config: policy('read'),
    schema: {
      tags,
      summary: `List ${spec.label}`,
      querystring: spec.schemas.query ?? ZListQuery,
      response: { 200: spec.schemas.list, ...errors },
    },
    handler: async (req) => {
      const page = await spec.services.list(db, { ...(req.query as object), now: req.now });
      return { items: await presentAll(req, page.items), nextCursor: page.nextCursor };
    },
  });
  r.get(`${spec.path}/:id`, {
    config: policy('read'),
    schema: {
      tags,
      summary: `Get one of ${spec.label}`,
      params: ZIdParams,
      response: { 200: spec.schemas.item, ...errors },
    },
    handler: async (req) => present(req, req.loaded as V),
  });
  r.post(spec.path, {
    config: policy('create'),
    schema: {
      tags,
      summary: `Create one of ${spec.label}`,
      body: spec.schemas.input,
      response: { 201: spec.schemas.item, ...errors },
    },
    handler: async (req, reply) => {
      const view = await spec.services.create({
        db,
        actor: req.actor!,
        input: req.body as z.infer<I>,
        now: req.now,
      });
      return reply.status(201).send(await present(req, view));
    },
  });
  r.patch(`${spec.path}/:id`, {
    config: policy('update'),
    schema: {
      tags,
      summary: `Change one of ${spec.label}`,
      params: ZIdParams,
      body: spec.schemas.patch,
      response: { 200: spec.schemas.item, ...errors },
    },
    handler: async (req) => {
      if (nothingIn(req.body))
        throw invalid([{ path: 'body', message: 'names no field' }], 'nothing to change');
      const view = await spec.services.update({
        db,
        actor: req.actor!,
        now: req.now,
        id: req.params.id,
        patch: req.body as z.infer<P>,
      });
      return present(req, view);
    },
  });
  r.delete(`${spec.path}/:id`, {
    config: policy('delete'),
    schema: {
      tags,
      summary: `Delete one of ${spec.label}`,
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await spec.services.remove({ db, actor: req.actor!, id: req.params.id, now: req.now });
      return reply.status(204).send(null);
    },
  });
}

/** The loader the policy hook uses for this resource's `:id` routes. */
export function crudLoader<V>(
  db: Db,
  get: (db: Db, id: string, now: Date) => Promise<V | null>,
  resourceOf: (v: V) => Resource,
) {
  return async (req: FastifyRequest, id: string) => {
    const value = await get(db, id, req.now);
    return value ? { resource: resourceOf(value), value } : null;
  };
}
