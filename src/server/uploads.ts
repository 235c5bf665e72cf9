import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/** A request body streamed to a file of its own in a temporary folder, removed when the response is sent. */
export class UploadedFile {
  constructor(
    readonly path: string,
    readonly bytes: number,
  ) {}
}

/**
 * The body of a route that takes a zip as its body: what the parser hands on. The document shows the zip's bytes
 * (OpenAPI "binary"), which is what a client sends.
 */
export const ZZipUpload = z
  .custom<UploadedFile>(
    (v) => v instanceof UploadedFile,
    'must be a zip file (Content-Type: application/zip)',
  )
  .meta({ type: 'string', format: 'binary', description: 'the zip file itself, sent as the body' });

const sizeText = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', `the upload is larger than ${sizeText(maxBytes)}`, [
    { path: 'body', message: `is larger than ${sizeText(maxBytes)}` },
  ]);

/**
 * In a route plugin: bodies sent as `application/zip` stream to a temporary file (never all in memory), refused
 * with 413 past `maxBytes` (by Content-Length at once, else when the stream passes it); the file is removed when
 * the response is sent, whatever happened, and at once when the upload fails.
 */
export function acceptZipUploads(app: FastifyInstance, opts: { maxBytes: number }): void {
  app.addContentTypeParser('application/zip', (req: FastifyRequest, body, done) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      body.resume(); // read and dropped: the client hears 413, not a reset connection
      return done(tooLarge(opts.maxBytes), undefined);
    }
    receive(body, opts.maxBytes).then(
      (file) => done(null, file),
      (err: unknown) => done(err as Error, undefined),
    );
  });
  const removeOnResponse = async (req: FastifyRequest) => {
    if (req.body instanceof UploadedFile) await removeUpload(req.body);
  };
  app.addHook('onResponse', removeOnResponse);
  app.addHook('onRequestAbort', removeOnResponse);
}

/** The upload's file and its folder; a handler removes it once read, the response hook again in any case. */
export const removeUpload = (file: UploadedFile) =>
  rm(path.dirname(file.path), { recursive: true, force: true });

async function receive(body: Readable, maxBytes: number): Promise<UploadedFile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'prodops-upload-'));
  const file = path.join(dir, 'upload.zip');
  let bytes = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      bytes += chunk.length;
      next(bytes > maxBytes ? tooLarge(maxBytes) : null, chunk);
    },
  });
  // Not pipeline(body, …): that would destroy the request on an error, and the client would hear a reset, not 413.
  const written = pipeline(count, createWriteStream(file));
  body.once('error', (err) => count.destroy(err));
  body.once('close', () => {
    if (!body.readableEnded) count.destroy(new Error('the upload was interrupted'));
  });
  body.pipe(count);
  try {
    await written;
    return new UploadedFile(file, bytes);
  } catch (err) {
    body.unpipe(count);
    body.resume(); // the rest is read and dropped
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
