import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ping } from '../../../db/client.ts';
import { ZErrorBody } from '../../../shared/common.ts';
import { type TOpenApiDocument, ZHealth, ZOpenApiDocument, ZUnavailable } from '../../../shared/system.ts';
import { SESSION_COOKIE } from '../../auth-hook.ts';
import { errorBody, NO_ROUTE } from '../../error-handler.ts';
import { textBody } from '../media.ts';
import { frontDoorReader } from './front-door.ts';

/** Health, the OpenAPI document and the web app. All public on purpose. */
export async function systemRoutes(app: FastifyInstance, opts: { webDir: string }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', {
    config: { policy: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and database check',
      response: { 200: ZHealth, 503: ZUnavailable },
    },
    handler: async (_req, reply) => {
      try {
        await ping(app.deps.db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  });
  r.get('/api/v1/openapi.json', {
    config: { policy: 'public' },
    schema: { hide: true, response: { 200: ZOpenApiDocument } },
    // The plugin types the document as OpenAPI 2 or 3; it is 3 here, which the response schema checks.
    handler: async () => app.swagger() as TOpenApiDocument,
  });
  const indexHtml = path.join(opts.webDir, 'index.html');
  const frontDoorLinks = frontDoorReader(opts.webDir);
  // The single-page app: real files from the Vite build, and index.html for its client-side routes.
  r.get('/*', {
    // The web app's own pages carry its parameters (?status=, ?week=…): the browser reads them, not the server.
    config: { policy: 'public', anyQuery: true },
    schema: {
      hide: true,
      response: {
        // index.html for the app's own routes, or one of its built files (scripts, styles, images).
        200: textBody('text/html', '*/*'),
        404: ZErrorBody,
        503: textBody('text/plain'),
      },
    },
    handler: async (req, reply) => {
      const urlPath = decodeURIComponent(req.url.split('?')[0] ?? '/');
      if (urlPath.startsWith('/api/')) {
        return reply.status(404).send(errorBody('not_found', NO_ROUTE));
      }
      const file = path.normalize(path.join(opts.webDir, urlPath));
      const isAsset = urlPath.startsWith('/assets/');
      if (file.startsWith(opts.webDir + path.sep) && statSync(file, { throwIfNoEntry: false })?.isFile()) {
        // Built assets carry their content hash in the name: a browser may keep them for good. The static
        // plugin would write its own max-age=0 over ours, so it is told to leave the header alone.
        return reply
          .header('cache-control', isAsset ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path.relative(opts.webDir, file), { cacheControl: false });
      }
      // A script or style the page asked for and the build does not have (an old tab after a release): the
      // app's HTML in its place would fail as a module with a confusing MIME error.
      if (isAsset) {
        return reply.status(404).send({ error: { code: 'not_found', message: `no file ${urlPath}` } });
      }
      if (!existsSync(indexHtml)) {
        return reply
          .status(503)
          .type('text/plain')
          .send('The web app is not built yet: run `npm run build:web` (npm start does it).');
      }
      // Signed in at the front door: the home page's code comes alongside the entry's, not after it ran.
      const links = urlPath === '/' && req.cookies[SESSION_COOKIE] ? frontDoorLinks() : null;
      if (links) reply.header('link', links);
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    },
  });
}
