import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  finishOidcSignIn,
  SsoRefusal,
  type SsoRefusalReason,
  ssoStatus,
  startOidcSignIn,
} from '../../../services/auth/sso.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import type { AppDeps } from '../../types.ts';
import { textBody } from '../media.ts';
import { secureCookies, setSessionCookies } from './cookies.ts';

/** The browser's handle on its pending sign-in (see oidc_logins); only for the callback's path. */
const LOGIN_COOKIE = 'prodops_oidc';
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

/** The address the issuer sends people back to: PRODOPS_PUBLIC_URL, else what the browser asked for. */
export const baseUrlOf = (req: FastifyRequest, deps: AppDeps): string =>
  deps.config.publicUrlFromEnv ?? `${req.protocol}://${req.host}`;

/** Each refusal in words, with its status. "not_allowed" says the same for every cause: no account enumeration. */
const REFUSALS: Record<Exclude<SsoRefusalReason, 'off'>, { status: number; title: string; text: string }> = {
  state: {
    status: 400,
    title: 'This sign-in could not be finished',
    text: 'It was not started in this browser, or it took longer than 10 minutes. Start again from the sign-in page.',
  },
  issuer: {
    status: 401,
    title: 'Your identity provider’s answer could not be checked',
    text: 'Start again from the sign-in page. If it happens again, tell your prodops admin.',
  },
  email: {
    status: 403,
    title: 'Your identity provider did not share a verified email address',
    text: 'prodops finds people by email. Ask your identity provider’s admin to share it.',
  },
  not_allowed: {
    status: 403,
    title: 'You cannot sign in to prodops with this account',
    text: 'Ask your prodops admin to add you, then sign in again.',
  },
};

/** A small page of its own: the callback is a browser's navigation, not a call from the web app. */
function refusalPage(reply: FastifyReply, reason: SsoRefusalReason) {
  // Off (or switched off mid-way): the sign-in page shows what there is instead.
  if (reason === 'off') return reply.redirect('/sign-in', 302);
  const r = REFUSALS[reason];
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${r.title} · prodops</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${r.title}</h1><p role="alert">${r.text}</p><p><a href="/sign-in">Back to sign in</a></p></main></body></html>`;
  return reply.status(r.status).type('text/html; charset=utf-8').send(html);
}

const ZNext = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)/, 'must be a path on this site like /releases')
  .refine((p) => !p.startsWith('/sign-in') && !p.includes('\\'), 'must not be the sign-in page');

const ZSsoStatus = z.object({
  oidc: z.object({
    enabled: z.boolean(),
    label: z.string(),
    startUrl: z.string(),
    passwordSignIn: z.boolean(),
  }),
});

/** Issue 18: OpenID Connect single sign-on (authorization code flow with PKCE, state and nonce). */
export async function oidcRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  // A refusal is a page (the browser navigated here); a malformed request is the usual JSON error.
  const page = z.union([ZErrorBody, textBody('text/html')]);
  r.get('/auth/sso', {
    config: { policy: 'public' },
    schema: {
      tags: ['auth'],
      summary:
        'Whether single sign-on is on and password sign-in is allowed (for the sign-in page; no secrets)',
      response: { 200: ZSsoStatus },
    },
    handler: async () => ssoStatus(deps.db),
  });
  r.get('/auth/oidc/start', {
    config: { policy: 'public', rateLimit: { max: deps.config.signInPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Start single sign-on: redirects to the issuer (the page to open afterwards in `next`)',
      querystring: z.object({ next: ZNext.optional() }),
      response: { 302: z.null(), 400: page, 401: page, 429: ZErrorBody },
    },
    handler: async (req, reply) => {
      try {
        const started = await startOidcSignIn({
          db: deps.db,
          now: req.now,
          redirectUri: `${baseUrlOf(req, deps)}${CALLBACK_PATH}`,
          next: req.query.next ?? '/',
        });
        reply.setCookie(LOGIN_COOKIE, started.cookieValue, {
          path: CALLBACK_PATH,
          httpOnly: true,
          // Lax: the issuer's redirect back is a top-level navigation from another site, which Lax lets through.
          sameSite: 'lax',
          secure: secureCookies(req, deps),
          expires: started.expiresAt,
        });
        return reply.redirect(started.url.toString(), 302);
      } catch (err) {
        if (err instanceof SsoRefusal) return refusalPage(reply, err.reason);
        throw err;
      }
    },
  });
  r.get('/auth/oidc/callback', {
    // The issuer adds parameters of its own (code, state, iss, session_state, error…): openid-client reads them.
    config: {
      policy: 'public',
      anyQuery: true,
      rateLimit: { max: deps.config.signInPerMinute, timeWindow: '1 minute' },
    },
    schema: {
      tags: ['auth'],
      summary: "The issuer's redirect back: signs in (sets the session cookie) and opens the web app",
      querystring: z.object({ state: z.string().max(500).optional() }).passthrough(),
      response: { 302: z.null(), 400: page, 401: page, 403: page, 429: ZErrorBody },
    },
    handler: async (req, reply) => {
      const secure = secureCookies(req, deps);
      reply.clearCookie(LOGIN_COOKIE, { path: CALLBACK_PATH, secure });
      try {
        const s = await finishOidcSignIn({
          db: deps.db,
          now: req.now,
          cookieValue: req.cookies[LOGIN_COOKIE],
          state: req.query.state,
          callbackUrl: new URL(`${baseUrlOf(req, deps)}${req.url}`),
          ttlHours: deps.config.sessionHours,
        });
        setSessionCookies(reply, secure, s);
        return reply.redirect(s.next, 302);
      } catch (err) {
        if (!(err instanceof SsoRefusal)) throw err;
        req.log.warn({ reason: err.reason, detail: err.message }, 'single sign-on refused');
        return refusalPage(reply, err.reason);
      }
    },
  });
}
