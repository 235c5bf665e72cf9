import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerErrorHandler } from './error-handler.ts';
import { acceptZipUploads, UploadedFile } from './uploads.ts';

/** Zip bodies streamed to a temporary file within a limit, and the file gone once the response is sent. */
const app = Fastify();
let seen: { bytes: number; text: string } | null = null;
// Uploads go to os.tmpdir(): this file's own, so other test files' uploads are not counted.
let uploadDir = '';

beforeAll(async () => {
  uploadDir = await mkdtemp(`${tmpdir()}/prodops-uploads-test-`);
  vi.stubEnv('TMPDIR', uploadDir);
  registerErrorHandler(app);
  await app.register(async (scope) => {
    acceptZipUploads(scope, { maxBytes: 1000 });
    scope.post('/upload', async (req) => {
      const file = req.body as UploadedFile;
      seen = { bytes: file.bytes, text: await readFile(file.path, 'utf8') };
      return { ok: file instanceof UploadedFile };
    });
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  vi.unstubAllEnvs();
  await rm(uploadDir, { recursive: true, force: true });
});

const uploadsLeft = async () =>
  (await readdir(uploadDir)).filter((name) => name.startsWith('prodops-upload-')).length;
/** A body without a Content-Length (chunked), so only the stream's count can stop it. */
const chunked = (bytes: number) => Readable.from([Buffer.alloc(bytes, 'a')]);

describe('acceptZipUploads', () => {
  it('hands the handler the body as a file, and removes it once the response is sent', async () => {
    const before = await uploadsLeft();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': 'application/zip' },
      payload: chunked(1000),
    });
    expect(res.json()).toEqual({ ok: true });
    expect(seen).toEqual({ bytes: 1000, text: 'a'.repeat(1000) });
    await expect.poll(uploadsLeft).toBe(before);
  });

  it('answers 413 when a body without a length streams past the limit, leaving no file behind', async () => {
    const before = await uploadsLeft();
    const res = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': 'application/zip' },
      payload: chunked(1001),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', fields: [{ path: 'body' }] });
    await expect.poll(uploadsLeft).toBe(before);
  });
});
