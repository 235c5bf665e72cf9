import { AsyncResource } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inScope } from '../services/scope.ts';

const resources = new WeakMap<FastifyRequest, AsyncResource>();

/**
 * Each request runs in its own scope, so the services it calls read the org's settings once (services/scope.ts).
 * A body is parsed on stream events outside that scope: the request re-enters it before validation, as
 * @fastify/request-context does.
 */
export function registerRequestScope(app: FastifyInstance): void {
  app.addHook('onRequest', (req, _reply, done) => {
    inScope(() => {
      resources.set(req, new AsyncResource('prodops-request'));
      done();
    });
  });
  app.addHook('preValidation', (req, _reply, done) => {
    const resource = resources.get(req);
    if (resource) resource.runInAsyncScope(done, req.raw);
    else done();
  });
}
