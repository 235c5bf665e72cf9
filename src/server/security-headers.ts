import { createHash } from 'node:crypto';
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every response. The built web app loads only its own scripts, styles and
 * images (plus the data: favicon), so nothing inline is allowed: an injected <script> or style="" does not run.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

// Untyped on purpose: helmet's ESM and CommonJS typings (ours, @fastify/helmet's) are distinct types.
const HELMET = {
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  frameguard: { action: 'deny' },
  // Links carry secrets (one-click readiness, feed tokens): leaving the app must not send them on.
  referrerPolicy: { policy: 'no-referrer' },
} as const;

/**
 * Helmet's headers on every response: API JSON, errors (its hook runs before authentication can refuse),
 * the 404 handler, the web app's files and feeds. Register before any other hook or route.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, HELMET);
}

const setHeaders = helmet(HELMET);

/** The same headers for the few answers Fastify gives before any hook runs (a URL it cannot decode). */
export function applySecurityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  setHeaders(req.raw, reply.raw, () => {});
}

/**
 * Route options for a standalone HTML page with one fixed <style> block (the printable roadmap): that block is
 * allowed by its hash, so no 'unsafe-inline' is needed there either.
 */
export function withInlineStyle(css: string): { helmet: Omit<FastifyHelmetOptions, 'global'> } {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return {
    helmet: {
      ...HELMET,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: { ...CSP_DIRECTIVES, styleSrc: ["'self'", `'sha256-${hash}'`] },
      },
    },
  };
}
