import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.ts';
import { controlCharacterPaths } from '../shared/text.ts';

const MESSAGE = 'contains a control character (such as NUL); remove it';

/**
 * Every body and query, once, before any schema or service sees it: a control character is refused by field
 * (400), rather than reaching PostgreSQL as a 500 or a reader as garbage. After authentication, so an
 * anonymous caller of a private route still hears 401 first.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (!req.actor && policy !== 'public') return;
    const fields = [
      ...controlCharacterPaths(req.body).map((path) => ({ path: path || 'body', message: MESSAGE })),
      ...controlCharacterPaths(req.query).map((path) => ({ path: `query.${path}`, message: MESSAGE })),
      ...controlCharacterPaths(req.params).map((path) => ({ path: `params.${path}`, message: MESSAGE })),
    ];
    if (fields.length > 0) throw invalid(fields);
  });
}
