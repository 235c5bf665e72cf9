import type { FastifyInstance, FastifyRequest } from 'fastify';
import { areaOwnerOf } from '../../services/org/areas.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import type { RoutePolicy } from '../types.ts';
import { fieldPaths } from './fields.ts';
import { type Action, can, type Resource, type ResourceType } from './index.ts';

/** Loads what a policy needs for a route with `:id`; the value is kept on `req.loaded` for the handler. */
export type ResourceLoader = (
  req: FastifyRequest,
  id: string,
) => Promise<{ resource: Resource; value: unknown } | null>;

export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy;
  /** The body's field paths ("roles", "replacement.ownerId"): the security matrix finds privileged ones here. */
  bodyFields: string[];
  /** The route's zod schemas as declared: the input fuzz test generates requests from them. */
  schema: { body?: unknown; params?: unknown; querystring?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its policy: the authorization test walks this list. */
    routeTable: RouteEntry[];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerPolicies(
  app: FastifyInstance,
  loaders: Partial<Record<ResourceType, ResourceLoader>>,
): void {
  // Refuse to start with a route that has no policy: authorization is never forgotten silently.
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    if (!route.config?.policy) throw new Error(`route ${route.method} ${route.url} has no policy`);
    const bodyFields = fieldPaths(route.schema?.body);
    for (const method of [route.method].flat())
      table.push({
        method,
        url: route.url,
        policy: route.config.policy,
        bodyFields,
        schema: {
          body: route.schema?.body,
          params: route.schema?.params,
          querystring: route.schema?.querystring,
        },
      });
  });
  // preValidation: decide access before telling a caller anything about their input.
  const decide = async (req: FastifyRequest) => {
    const policy = req.routeOptions.config.policy as RoutePolicy;
    if (!policy || policy === 'public') return; // no policy only on the not-found handler
    if (!req.actor) throw new AppError('unauthorized', 'sign in or send an API token');
    if (policy === 'signed_in') return;
    const resource = policy.resolve
      ? await policy.resolve(req)
      : await resolveResource(req, policy.resource, policy.action, loaders);
    if (!resource) throw new AppError('not_found', `${policy.resource} not found`);
    if (!can(req.actor, policy.action, resource)) {
      throw new AppError(
        'forbidden',
        `your roles (${req.actor.roles.join(', ') || 'none'}) may not ${policy.action} this ${policy.resource}`,
      );
    }
  };
  // An upload is decided before its body is read too: nobody streams 200 MB to disk to hear 401 or 403.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const policy = req.routeOptions.config.policy;
    if (typeof policy === 'object' && policy.beforeBody) await decide(req);
    return payload;
  });
  app.addHook('preValidation', decide);
}

async function resolveResource(
  req: FastifyRequest,
  type: ResourceType,
  action: Action,
  loaders: Partial<Record<ResourceType, ResourceLoader>>,
): Promise<Resource> {
  const id = (req.params as Record<string, string> | undefined)?.id;
  const writes = action === 'create' || action === 'update';
  const input = writes ? req.body : undefined;
  // Where a write puts the record: a PM may only put records into areas they own.
  const target = writes ? { targetAreaOwnerId: await targetAreaOwner(req) } : {};
  if (id === undefined) return { type, input, ...target } as Resource;
  const loader = loaders[type];
  if (!loader) throw new Error(`no loader for ${type}`);
  if (!UUID.test(id)) throw invalid([{ path: 'params.id', message: 'must be an id (uuid)' }]);
  const found = await loader(req, id);
  if (!found) throw new AppError('not_found', `${type} not found`);
  req.loaded = found.value;
  return { ...found.resource, input, ...target } as Resource;
}

/**
 * The owning PM of the area a write's body names: undefined when it names none (the record stays where it is),
 * null for no area, an area without an owner or one that does not exist.
 */
export async function targetAreaOwner(req: FastifyRequest): Promise<string | null | undefined> {
  const areaId = (req.body as { areaId?: unknown } | undefined)?.areaId;
  if (areaId === undefined) return undefined;
  // Not an area (or no such one): nobody's, so only org managers get past here, to validation naming the field.
  if (typeof areaId !== 'string' || !UUID.test(areaId)) return null;
  return (await areaOwnerOf(req.server.deps.db, areaId))?.ownerPmId ?? null;
}
