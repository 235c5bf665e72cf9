import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NewSession } from '../../../services/auth/sessions.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../auth-hook.ts';
import type { AppDeps } from '../../types.ts';

/** Secure when configured, or when the browser came over HTTPS: directly or through a trusted proxy. */
export function secureCookies(req: FastifyRequest, deps: AppDeps): boolean {
  return deps.config.secureCookies || req.protocol === 'https';
}

/** The session's cookies, the same for a password and a single sign-on. */
export function setSessionCookies(reply: FastifyReply, secure: boolean, s: NewSession): void {
  const base = { path: '/', secure, expires: s.expiresAt };
  reply.setCookie(SESSION_COOKIE, s.cookieValue, { ...base, httpOnly: true, sameSite: 'lax' });
  // Readable by the page's script, which echoes it in a header; another site can neither read nor send it.
  reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...base, httpOnly: false, sameSite: 'strict' });
}

export function clearSessionCookies(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', secure }).clearCookie(CSRF_COOKIE, { path: '/', secure });
}
