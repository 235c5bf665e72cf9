import { z } from 'zod';

/** GET /healthz: the process answers and the database does. */
export const ZHealth = z.object({ status: z.literal('ok') });
export const ZUnavailable = z.object({ status: z.literal('unavailable') });

/**
 * GET /api/v1/openapi.json: the OpenAPI 3 document of the API. Only its frame is checked; the rest (paths,
 * components, …) passes through as the swagger plugin built it.
 */
export const ZOpenApiDocument = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.unknown()),
});
export type TOpenApiDocument = z.infer<typeof ZOpenApiDocument>;
