import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.ts';
import { badTextFields } from '../shared/text.ts';

/**
 * Every body, query and path, once, before any schema or service sees it: a control character or a lone
 * surrogate is refused by field (400), rather than reaching PostgreSQL as a 500, a reader as garbage or the
 * database as U+FFFD. After authentication, so an anonymous caller of a private route still hears 401 first.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (!req.actor && policy !== 'public') return;
    const fields = [
      ...badTextFields(req.body).map((f) => ({ ...f, path: f.path || 'body' })),
      ...badTextFields(req.query).map((f) => ({ ...f, path: `query.${f.path}` })),
      ...badTextFields(req.params).map((f) => ({ ...f, path: `params.${f.path}` })),
    ];
    if (fields.length > 0) throw invalid(fields);
  });
}
