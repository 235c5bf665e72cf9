export const INPUTS: string[];
export const STAMP: string;
export function sourcesHash(inputs?: string[]): string;
export function buildDecision(opts: { built: boolean; stamp: string | null; current: string }): {
  build: boolean;
  reason: string;
};
export function buildWebIfChanged(opts?: { log?: (line: string) => void }): boolean;
