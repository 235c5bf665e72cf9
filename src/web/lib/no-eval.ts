import { z } from 'zod';

// zod probes for eval (new Function) to build faster parsers; the Content-Security-Policy forbids eval, and the
// probe alone would be reported as a violation. Imported first by main.tsx, before any schema parses. (Setting
// zod's global configuration without importing zod kept zod out of the entry chunk, but the browser suite still
// saw the probe on some pages: zod stays in the entry until that is understood.)
z.config({ jitless: true });
