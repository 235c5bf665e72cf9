import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn, signOut } from '../../../services/auth/sessions.ts';
import { oidcSignOutUrl } from '../../../services/auth/sso.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../../../services/auth/tokens.ts';
import { getPerson } from '../../../services/org/people.ts';
import { ZErrorBody, ZIdParams } from '../../../shared/common.ts';
import { AppError } from '../../../shared/errors.ts';
import { ZApiTokenList, ZCreatedApiToken, ZMeReply, ZSignIn, ZSignInReply } from '../../../shared/org.ts';
import { can } from '../../policies/index.ts';
import type { AppDeps } from '../../types.ts';
import { clearSessionCookies, secureCookies, setSessionCookies } from './cookies.ts';
import { baseUrlOf, oidcRoutes } from './oidc.ts';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
/** The signed-in user with the `can` flags the web app uses to show or hide controls. */
async function me(deps: AppDeps, personId: string) {
  const person = await getPerson(deps.db, personId);
  if (!person) throw new AppError('unauthorized', 'your account no longer exists');
  const actor = { personId, label: person.email, roles: person.roles };
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    function: person.function,
    roles: person.roles,
    ownedAreaIds: person.areaIds,
    can: {
      createPerson: can(actor, 'create', { type: 'person' }),
      createArea: can(actor, 'create', { type: 'area' }),
      createPod: can(actor, 'create', { type: 'pod' }),
      updateSettings: can(actor, 'update', { type: 'settings' }),
      updateRaci: can(actor, 'update', { type: 'raci' }),
      readAudit: can(actor, 'read', { type: 'audit' }),
      manageRituals: can(actor, 'create', { type: 'ritual' }),
      readDeliveries: can(actor, 'read', { type: 'delivery' }),
      manageChannels: can(actor, 'create', { type: 'channel' }),
      manageWebhooks: can(actor, 'read', { type: 'webhook' }),
      readStatusRequests: can(actor, 'read', { type: 'status_requests' }),
      importStatusPings: can(actor, 'create', { type: 'status_requests' }),
      readVelocity: can(actor, 'read', { type: 'velocity' }),
      readBets: can(actor, 'read', { type: 'bet' }),
      readMetrics: can(actor, 'read', { type: 'metrics' }),
    },
  };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { deps } = app;
  await app.register(oidcRoutes);
  r.post('/auth/sign-in', {
    config: { policy: 'public', rateLimit: { max: deps.config.signInPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Password sign-in for the web app (sets the session cookie)',
      body: ZSignIn,
      response: { 200: ZSignInReply, ...errors, 429: ZErrorBody },
    },
    handler: async (req, reply) => {
      const s = await signIn({
        now: req.now,
        db: deps.db,
        email: req.body.email,
        password: req.body.password,
        ttlHours: deps.config.sessionHours,
      });
      setSessionCookies(reply, secureCookies(req, deps), s);
      return { user: await me(deps, s.personId) };
    },
  });
  r.post('/auth/sign-out', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['auth'],
      summary: "End the web session (200 with the single sign-on issuer's sign-out address when it has one)",
      response: { 200: z.object({ redirectTo: z.string() }), 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      if (req.principal?.sessionId)
        await signOut({ db: deps.db, actor: req.actor!, sessionId: req.principal.sessionId });
      clearSessionCookies(reply, secureCookies(req, deps));
      const redirectTo = await oidcSignOutUrl(deps.db, `${baseUrlOf(req, deps)}/sign-in`);
      return redirectTo ? { redirectTo } : reply.status(204).send(null);
    },
  });
  r.get('/me', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['auth'],
      summary: "The signed-in user and what they may do, and the server's now (the web app's clock)",
      response: { 200: ZMeReply, ...errors },
    },
    handler: async (req) => {
      return { ...(await me(deps, req.principal!.personId)), now: req.now.toISOString() };
    },
  });
  r.get('/me/tokens', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['auth'],
      summary: 'My API tokens',
      response: { 200: ZApiTokenList, ...errors },
    },
    handler: async (req) => ({ items: await listApiTokens(deps.db, req.principal!.personId) }),
  });
  r.post('/me/tokens', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['auth'],
      summary: 'Create an API token for myself (shown once)',
      body: z.strictObject({ name: z.string().trim().min(1).max(80) }),
      response: { 201: ZCreatedApiToken, ...errors },
    },
    handler: async (req, reply) => {
      const t = await createApiToken({
        now: req.now,
        db: deps.db,
        actor: req.actor!,
        personId: req.principal!.personId,
        name: req.body.name,
      });
      return reply.status(201).send({ id: t.id, name: t.name, token: t.token });
    },
  });
  r.delete('/me/tokens/:id', {
    config: { policy: 'signed_in' },
    schema: {
      tags: ['auth'],
      summary: 'Revoke one of my API tokens',
      params: ZIdParams,
      response: { 204: z.null(), ...errors },
    },
    handler: async (req, reply) => {
      await revokeApiToken({
        now: req.now,
        db: deps.db,
        actor: req.actor!,
        personId: req.principal!.personId,
        tokenId: req.params.id,
      });
      return reply.status(204).send(null);
    },
  });
}
