import { z } from 'zod';

// zod probes for eval (new Function) to build faster parsers; the Content-Security-Policy forbids eval, and the
// probe alone would be reported as a violation. Imported first by main.tsx, before any schema parses.
z.config({ jitless: true });
