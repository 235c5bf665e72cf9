export const ROOT: string;
export const BUILD_DIR: string;
export const INPUTS: string[];
export function fingerprint(opts?: { root?: string; inputs?: string[] }): string;
export function cliEntryFor(fp: string, buildDir?: string): string;
export function bundleCli(outdir: string): Promise<string>;
export function ensureCli(opts?: {
  log?: (line: string) => void;
  buildDir?: string;
}): Promise<{ entry: string; built: boolean }>;
