import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { DEFAULT_WEB_DIR } from '../config/env.ts';
import { type Context, createContext } from '../services/context.ts';
import { registerAuthentication } from './auth-hook.ts';
import { errorBody, registerErrorHandler } from './error-handler.ts';
import { registerJsonBody } from './json-body.ts';
import { registerPolicies } from './policies/hook.ts';
import { registerPublishedCache } from './published-reply.ts';
import { parseQuery, registerQueryGuard } from './query-guard.ts';
import { registerReadCache } from './read-cache.ts';
import { registerRequestScope } from './request-scope.ts';
import { authRoutes } from './routes/auth/index.ts';
import { betLoaders, betRoutes } from './routes/bets/index.ts';
import { broadcastLoaders, broadcastRoutes } from './routes/broadcasts/index.ts';
import { cadenceLoaders, cadenceRoutes } from './routes/cadence/index.ts';
import { charterLoaders, charterRoutes } from './routes/charter/index.ts';
import { qbrRoutes } from './routes/charter/qbr.ts';
import { decisionsLoaders, decisionsRoutes } from './routes/decisions/index.ts';
import { deliveryLoaders, deliveryRoutes } from './routes/delivery/index.ts';
import { feedRoutes } from './routes/feed/index.ts';
import { homeRoutes } from './routes/home/index.ts';
import { insightLoaders, insightRoutes } from './routes/insights/index.ts';
import { metricsRoutes } from './routes/metrics/index.ts';
import { orgLoaders, orgRoutes } from './routes/org/index.ts';
import { planLoaders, planRoutes } from './routes/plan/index.ts';
import { qualityLoaders, qualityRoutes } from './routes/quality/index.ts';
import { releaseLoaders, releaseRoutes } from './routes/releases/index.ts';
import { roadmapLoaders, roadmapRoutes } from './routes/roadmap/index.ts';
import { slackStatusAnswerer } from './routes/slack/answerer.ts';
import { type StatusAnswerer, slackRoutes } from './routes/slack/index.ts';
import { statusRoutes } from './routes/status/index.ts';
import { surveyRoutes } from './routes/surveys/index.ts';
import { systemRoutes } from './routes/system/index.ts';
import { trackerLoaders, trackerRoutes } from './routes/trackers/index.ts';
import { updateLoaders, updateRoutes } from './routes/updates/index.ts';
import { velocityLoaders, velocityRoutes } from './routes/velocity/index.ts';
import { webhookLoaders, webhookRoutes } from './routes/webhooks/index.ts';
import { applySecurityHeaders, registerSecurityHeaders } from './security-headers.ts';
import { registerTextGuard } from './text-guard.ts';
import type { AppDeps } from './types.ts';

export interface BuildAppOptions extends AppDeps {
  logger?: boolean | { level: string };
  /** One log line per request; off unless debugging, so `npm start` shows what matters. */
  requestLogging?: boolean;
  webDir?: string;
  /** What answers /status in Slack (tests pass their own); by default the status service. */
  statusAnswerer?: StatusAnswerer;
  /** The published-artifact cache's cap in bytes (32 MB by default; tests make it small to see eviction). */
  publishedCacheBytes?: number;
  /** How long who a credential is and which version is published are kept (read-cache.ts); off unless given. */
  readCacheMs?: number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Builds the whole HTTP app without listening: main.ts listens, tests use inject(). */
export async function buildApp(opts: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: !opts.requestLogging }),
    bodyLimit: 1024 * 1024,
    // Percent-encoding that is not UTF-8 is refused by the query guard, not kept raw or replaced.
    routerOptions: { querystringParser: parseQuery },
    genReqId: () => crypto.randomUUID(),
    // Behind a reverse proxy the operator trusts: req.protocol and req.ip come from X-Forwarded-Proto/-For.
    trustProxy: opts.config.trustProxy ?? false,
    // A URL Fastify cannot decode is answered before any hook: the same headers and error shape, by hand.
    frameworkErrors: (err, req, reply: FastifyReply) => {
      applySecurityHeaders(req, reply);
      // Fastify's messages quote the address: the caller hears which rule it broke, not its own input back.
      const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
      const why = tooLong ? 'has a part over 100 characters' : 'cannot be decoded (bad percent-encoding)';
      return reply
        .status(400)
        .send(errorBody('validation_failed', `the URL ${why}`, [{ path: 'url', message: why }]));
    },
  });
  app.decorate('deps', { db: opts.db, clock: opts.clock, config: opts.config, onEnqueued: opts.onEnqueued });
  registerPublishedCache(app, opts.publishedCacheBytes);
  registerReadCache(app, opts.readCacheMs ?? 0);
  // First of the hooks: everything after runs in the request's scope.
  registerRequestScope(app);
  app.decorateRequest('now', null as unknown as Date);
  app.decorateRequest('ctx', null as unknown as Context);
  // The response's Date is the request's instant too, so a browser reads the app's clock, injected or not.
  app.addHook('onRequest', async (req, reply) => {
    req.now = opts.clock.now();
    reply.header('date', req.now.toUTCString());
  });
  // A write that succeeded has committed: whatever it enqueued is visible, so the relay looks now rather than at
  // its next idle tick. No route has to remember it (a nudge with nothing to send costs one claim query).
  app.addHook('onResponse', async (req, reply) => {
    if (!SAFE_METHODS.has(req.method) && reply.statusCode < 400) opts.onEnqueued?.();
  });
  // After authentication and authorization: the actor is known.
  app.addHook('preHandler', async (req) => {
    req.ctx = createContext({ db: opts.db, actor: req.actor, now: req.now });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await registerSecurityHeaders(app);
  // Before any route (its hook is added per route) and before the static plugin. Brotli or gzip by the request's
  // Accept-Encoding, above ~1 KB; request bodies stay as sent (Slack signs the raw form).
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'prodops API',
        version: '1',
        description: 'Product operations: org model, rituals, releases, insights.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token from `prodops token create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'prodops_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const webDir = opts.webDir ?? DEFAULT_WEB_DIR;
  // The build writes .br/.gz copies of its files (scripts/vite-precompress.mjs): sent as they are, not re-compressed.
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });
  registerAuthentication(app);
  registerJsonBody(app);
  registerTextGuard(app);
  registerQueryGuard(app);
  registerPolicies(app, {
    ...orgLoaders(opts.db),
    ...cadenceLoaders(opts.db),
    ...deliveryLoaders(opts.db),
    ...updateLoaders(opts.db),
    ...releaseLoaders(opts.db),
    ...insightLoaders(opts.db),
    ...roadmapLoaders(opts.db),
    ...decisionsLoaders(opts.db),
    ...qualityLoaders(opts.db),
    ...planLoaders(opts.db),
    ...velocityLoaders(opts.db),
    ...betLoaders(opts.db),
    ...charterLoaders(opts.db),
    ...broadcastLoaders(opts.db),
    ...webhookLoaders(opts.db),
    ...trackerLoaders(opts.db),
  });
  // One-click unsubscribe (RFC 8058) posts a form; its content is fixed, so it is accepted and ignored. The Slack
  // routes replace this parser in their own scope: they need the raw form for its signature.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) =>
    done(null, {}),
  );
  await app.register(systemRoutes, { webDir });
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(orgRoutes);
      await api.register(cadenceRoutes, { publicUrl: opts.config.publicUrlFromEnv });
      await api.register(updateRoutes, { publicUrl: opts.config.publicUrlFromEnv });
      await api.register(releaseRoutes);
      await api.register(insightRoutes);
      await api.register(roadmapRoutes);
      await api.register(decisionsRoutes);
      await api.register(statusRoutes);
      await api.register(qualityRoutes);
      await api.register(velocityRoutes);
      await api.register(metricsRoutes);
      await api.register(homeRoutes);
      await api.register(feedRoutes, { publicUrl: opts.config.publicUrlFromEnv });
      await api.register(betRoutes);
      await api.register(charterRoutes);
      await api.register(qbrRoutes);
      await api.register(surveyRoutes);
      await api.register(planRoutes);
      await api.register(broadcastRoutes);
      await api.register(webhookRoutes);
      await api.register(trackerRoutes);
      await api.register(deliveryRoutes, { allowAnyWebhookHost: opts.config.slackWebhookAnyHost ?? false });
      await api.register(slackRoutes, {
        answerer: opts.statusAnswerer ?? slackStatusAnswerer(opts.db),
        signingSecret: opts.config.slackSigningSecret,
        publicUrl: opts.config.publicUrlFromEnv,
        allowAnyResponseHost: opts.config.slackWebhookAnyHost ?? false,
        botToken: opts.config.slackBotToken,
        apiUrl: opts.config.slackApiUrl,
      });
    },
    { prefix: '/api/v1' },
  );
  return app;
}
