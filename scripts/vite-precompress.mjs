// A Vite plugin: after a build, each text file of the bundle gets a brotli (.br) and a gzip (.gz) copy beside it,
// compressed once at the highest levels, so the server sends them as they are (@fastify/static preCompressed)
// instead of compressing every download again. Plain Node: the build's config imports it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|css|html|svg|json|txt)$/;
/** Below this a copy saves nothing worth a second file (as the server's on-the-fly threshold). */
const MIN_BYTES = 1024;

export function precompressDir(dir) {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    if (file.includes(`${path.sep}.vite${path.sep}`)) continue;
    const body = readFileSync(file);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}

export function precompress() {
  let outDir = '';
  return {
    name: 'prodops-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
