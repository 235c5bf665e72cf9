import { z } from 'zod';

/**
 * Bodies that are not JSON (markdown, HTML, iCalendar, Atom/RSS) are strings that Fastify sends as they are: their
 * content type is not JSON, so the response serializer leaves them alone. These schemas say what they are in the
 * OpenAPI document: a string under each media type the route answers with.
 */
const strings = (mediaTypes: readonly string[]) =>
  Object.fromEntries(mediaTypes.map((t) => [t, { schema: { type: 'string' } }]));

export function textBody(...mediaTypes: [string, ...string[]]) {
  return z.string().meta({ content: strings(mediaTypes) });
}

/** A route that answers JSON or text by a query parameter: the JSON schema (checked) beside the text one. */
export function jsonOrText<T extends z.ZodType>(json: T, ...mediaTypes: [string, ...string[]]) {
  return z.union([json, z.string()]).meta({
    content: {
      'application/json': { schema: z.toJSONSchema(json, { io: 'output', target: 'openapi-3.0' }) },
      ...strings(mediaTypes),
    },
  });
}
