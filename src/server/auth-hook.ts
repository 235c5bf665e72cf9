import type { FastifyInstance, FastifyRequest } from 'fastify';
import { principalFromSession, principalFromToken } from '../services/auth/tokens.ts';
import { AppError } from '../shared/errors.ts';

export const SESSION_COOKIE = 'prodops_session';
export const CSRF_COOKIE = 'prodops_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a Bearer token (API, CLI) or the session cookie (web). Cookie-authenticated mutations must
 * echo the session's CSRF token in a header, which a cross-site form cannot do.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('loaded', null);
  app.addHook('onRequest', async (req) => {
    const principal = await identify(app, req);
    req.principal = principal;
    req.actor = principal
      ? {
          personId: principal.personId,
          label: principal.email,
          roles: principal.roles,
          via: { sessionId: principal.sessionId, tokenId: principal.tokenId },
        }
      : null;
  });
}

async function identify(app: FastifyInstance, req: FastifyRequest) {
  const header = req.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const token = match?.[1];
    const principal = token
      ? await app.readCache.get(`token:${token}`, req.now, () =>
          principalFromToken(app.deps.db, token, req.now),
        )
      : null;
    if (!principal)
      throw new AppError('unauthorized', 'the API token is not valid (revoked, unknown or malformed)');
    return principal;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const principal = await app.readCache.get(`session:${cookie}`, req.now, () =>
    principalFromSession(app.deps.db, cookie, req.now),
  );
  if (principal && !SAFE_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== principal.csrfToken) {
    throw new AppError('forbidden', `missing or wrong ${CSRF_HEADER} header (CSRF protection)`);
  }
  return principal;
}
