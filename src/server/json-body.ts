import type { FastifyInstance } from 'fastify';
import { invalid } from '../shared/errors.ts';

/**
 * JSON bodies decoded strictly: Fastify's parser reads them as UTF-8 with invalid bytes replaced (U+FFFD), so
 * "A\xC3(" was stored as "A�(". Bytes that are not UTF-8 are refused (400 naming the body) instead; the rest is
 * Fastify's own parser (prototype poisoning refused, an empty body a 400).
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      return done(invalid([{ path: 'body', message: 'is not valid UTF-8' }]), undefined);
    }
    parse(req, text, done);
  });
}
