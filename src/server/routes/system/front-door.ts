import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The home page's module in the Vite manifest (web/app.tsx's HomePage). */
const HOME_PAGE = 'routes/home/home-page.tsx';
const ENTRY = 'index.html';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * What `/` asks the browser to fetch early, as a `Link` header: the home page's code and styles, which the app
 * would only ask for once its entry script ran. Nothing when the build has no manifest (tests without a build).
 */
export function frontDoorLinks(manifest: Manifest): string | null {
  const home = manifest[HOME_PAGE];
  const entry = manifest[ENTRY];
  if (!home || !entry) return null;
  // The entry's own imports are in index.html already.
  const inEntry = new Set([ENTRY, ...(entry.imports ?? [])]);
  const scripts = [
    home.file,
    ...(home.imports ?? []).filter((key) => !inEntry.has(key)).map(fileOf(manifest)),
  ];
  const links = [
    ...scripts.filter((file): file is string => Boolean(file)).map((file) => `</${file}>; rel=modulepreload`),
    ...(home.css ?? []).map((file) => `</${file}>; rel=preload; as=style`),
  ];
  return links.join(', ');
}

const fileOf = (manifest: Manifest) => (key: string) => manifest[key]?.file;

/** The Link header of the build in `webDir`, read again only when its manifest changed (a rebuild). */
export function frontDoorReader(webDir: string): () => string | null {
  const file = path.join(webDir, '.vite/manifest.json');
  let seen: { mtimeMs: number; links: string | null } | null = null;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    if (seen?.mtimeMs !== stat.mtimeMs) {
      seen = {
        mtimeMs: stat.mtimeMs,
        links: frontDoorLinks(JSON.parse(readFileSync(file, 'utf8')) as Manifest),
      };
    }
    return seen.links;
  };
}
