import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileCycles,
  importGraph,
  sourceFiles,
  sqlInRoutes,
  upwardImports,
  wallClockReads,
} from './layers.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');

describe('the layers of src/', () => {
  const files = sourceFiles(SRC);
  const edges = importGraph(SRC, files);

  it('reads the import graph (a check that reads nothing could not fail)', () => {
    expect(edges.length).toBeGreaterThan(1000);
  });

  it('has every import pointing down the layers: shared → domain → db/integrations → services → jobs/server → boot → cli', () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(fileCycles(edges).map((c) => c.join(' → '))).toEqual([]);
  });

  it('reads the wall clock only in shared/clock.ts and web/lib/clock.ts: everything else takes now from a clock', () => {
    expect(wallClockReads(SRC, files)).toEqual([]);
  });

  it('catches a wall-clock read in the web app as anywhere else, and lets the clock files and tests read it', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'prodops-layers-'));
    try {
      const write = (rel: string, text: string) => {
        mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      write('web/routes/page.tsx', 'export const late = (due: number) => Date.now() > due;\n');
      write('web/lib/clock.ts', 'export const browserNow = () => Date.now();\n');
      write('web/lib/clock.test.ts', 'const t = new Date();\n');
      write('shared/clock.ts', 'export const now = () => new Date();\n');
      write('services/x.ts', '\nconst at = new Date();\n');
      expect(wallClockReads(root, sourceFiles(root)).sort()).toEqual([
        `${path.join('services', 'x.ts')}:2: const at = new Date();`,
        `${path.join('web', 'routes', 'page.tsx')}:1: export const late = (due: number) => Date.now() > due;`,
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('keeps SQL out of routes and policies: they call services and read models', () => {
    expect(sqlInRoutes(SRC, files)).toEqual([]);
  });

  it('catches an upward import and a cycle when there is one', () => {
    const bad = [
      { from: path.join('services', 'a.ts'), to: path.join('server', 'errors.ts') },
      { from: path.join('shared', 'x.ts'), to: path.join('domain', 'y.ts') },
      { from: path.join('domain', 'y.ts'), to: path.join('shared', 'x.ts') },
    ];
    expect(upwardImports(bad)).toHaveLength(2);
    expect(fileCycles(bad)).toEqual([[path.join('shared', 'x.ts'), path.join('domain', 'y.ts')]]);
  });

  it('catches a route or a policy importing drizzle-orm or a db/schema table (tests and fixtures may)', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
    try {
      const write = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      const sql =
        "import { eq } from 'drizzle-orm';\nimport { people } from '../../../db/schema/index.ts';\n";
      write('server/routes/things/index.ts', sql);
      write('server/policies/things.ts', "import { sql } from 'drizzle-orm';\n");
      write('server/routes/things/things.test.ts', sql);
      write('server/routes/things.fixture.ts', sql);
      write('services/things/things.ts', sql);
      const files = sourceFiles(root);
      expect(files).toHaveLength(5);
      expect(sqlInRoutes(root, files).sort()).toEqual([
        `${path.join('server', 'policies', 'things.ts')} imports drizzle-orm`,
        `${path.join('server', 'routes', 'things', 'index.ts')} imports ../../../db/schema/index.ts`,
        `${path.join('server', 'routes', 'things', 'index.ts')} imports drizzle-orm`,
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
