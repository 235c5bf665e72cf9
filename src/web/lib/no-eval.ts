// zod probes for eval (new Function) to build faster parsers; the Content-Security-Policy forbids eval, and the
// probe alone would be reported as a violation. Imported first by main.tsx, before any schema parses. zod reads
// its configuration from this global (z.config() writes the same object), so setting it here keeps zod itself
// out of the entry chunk: it loads with the first page that parses.
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
