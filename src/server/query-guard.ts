import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.ts';
import { fieldPaths } from './policies/fields.ts';

const UNDECODABLE = Symbol('undecodable query keys');

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The query string as Fastify's parser reads it (repeated keys → arrays), but a part whose percent-encoding is
 * not UTF-8 (a lone surrogate's bytes, %FF) is noted rather than kept raw or replaced: the guard refuses it.
 */
export function parseQuery(qs: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  const undecodable: string[] = [];
  for (const part of qs.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const key = decode(rawKey);
    const value = decode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === null || value === null) {
      undecodable.push(key ?? 'query');
      continue;
    }
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  if (undecodable.length > 0) Object.defineProperty(out, UNDECODABLE, { value: undecodable });
  return out;
}

/** The parameters a querystring schema documents: its top-level keys (none without a schema). */
export const queryKeys = (schema: unknown): string[] => fieldPaths(schema).filter((p) => !p.includes('.'));

/**
 * Every query, before any schema or policy: a parameter the route does not document is refused by name (400),
 * rather than silently ignored (`?search=` where the route reads `q` used to return everything). A route
 * without a querystring schema takes no parameters. After authentication, so an anonymous caller of a private
 * route still hears 401 first; before authorization, like the text guard, so `:id` routes answer the same.
 */
export function registerQueryGuard(app: FastifyInstance): void {
  // A querystring schema this cannot read (not an object) would refuse every parameter: refuse to start instead.
  app.addHook('onRoute', (route) => {
    const schema = route.schema?.querystring;
    if (schema && queryKeys(schema).length === 0)
      throw new Error(`route ${route.method} ${route.url}: its querystring schema must be an object`);
  });
  app.addHook('preValidation', async (req) => {
    const { config, schema } = req.routeOptions;
    if (!config.policy) return; // no policy only on the not-found handler
    if (!req.actor && config.policy !== 'public') return;
    const undecodable = (req.query as { [UNDECODABLE]?: string[] } | undefined)?.[UNDECODABLE] ?? [];
    if (undecodable.length > 0)
      throw invalid(
        undecodable.map((k) => ({ path: k === 'query' ? k : `query.${k}`, message: 'is not valid UTF-8' })),
      );
    if (config.anyQuery) return;
    const allowed = queryKeys(schema?.querystring);
    const unknown = Object.keys((req.query as object | undefined) ?? {}).filter((k) => !allowed.includes(k));
    if (unknown.length > 0)
      throw invalid(unknown.map((k) => ({ path: `query.${k}`, message: 'is not a known field' })));
  });
}
