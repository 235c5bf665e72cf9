import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.mjs';

const repo = path.dirname(fileURLToPath(import.meta.url));
const apiServer = process.env.PRODOPS_API_URL ?? 'http://localhost:3000';

/** Libraries change less often than the app: separate chunks stay cached across releases. */
function vendorChunk(id: string): string | undefined {
  if (!id.includes('/node_modules/')) return undefined;
  if (id.includes('/node_modules/zod/')) return 'zod';
  if (/\/node_modules\/(react|react-dom|scheduler|react-router|cookie|set-cookie-parser)\//.test(id)) {
    return 'react';
  }
  return undefined;
}

/** The web app: built into dist/web, which the Fastify server serves with an SPA fallback. */
export default defineConfig({
  root: path.join(repo, 'src/web'),
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(repo, 'dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // dist/web/.vite/manifest.json: which chunks each page loads (bench/web.ts measures them from it).
    manifest: true,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless, and noise in every build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/healthz': { target: apiServer, changeOrigin: false },
    },
  },
});
