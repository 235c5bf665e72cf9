export const ROOT: string;
export function bundleCli(outfile: string): Promise<string>;
