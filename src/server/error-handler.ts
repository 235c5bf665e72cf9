import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode, type FieldError } from '../shared/errors.ts';

interface ZodIssueLike {
  instancePath: string;
  message: string;
  keyword: string;
  params: { keys?: unknown };
}

function fieldsFromValidation(issues: ZodIssueLike[], context: string | undefined): FieldError[] {
  const prefix = context === 'body' || !context ? '' : `${context === 'querystring' ? 'query' : context}.`;
  return issues.flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    // An unknown key is reported on the key itself, so the message names the field the client sent.
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      return issue.params.keys.map((k) => ({
        path: `${prefix}${base ? `${base}.` : ''}${String(k)}`,
        message: 'is not a known field',
      }));
    }
    return [{ path: `${prefix}${base}` || 'body', message: issue.message }];
  });
}

/** What a request to an address no route answers hears. */
export const NO_ROUTE = 'no route answers this method at this address (the API is under /api/v1)';

/** PostgreSQL error codes we expect from bad input; everything else stays a 500. */
const PG_CODES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: 'a record with the same unique value already exists' },
  '23001': { code: 'conflict', message: 'other records still point at this one' },
  '23503': { code: 'validation_failed', message: 'a referenced record does not exist' },
  '22P02': { code: 'validation_failed', message: 'a value has the wrong format' },
  '40001': { code: 'conflict', message: 'a concurrent change conflicted; retry' },
  // Text PostgreSQL cannot store, and numbers beyond its types: a schema should have said so, but a 400 it is.
  '22021': { code: 'validation_failed', message: 'a text is not valid UTF-8' },
  '22P05': { code: 'validation_failed', message: 'a text holds a character PostgreSQL cannot store' },
  '22003': { code: 'validation_failed', message: 'a number is out of range' },
  '22001': { code: 'validation_failed', message: 'a text is too long' },
};

function pgCode(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The one error shape: `{ error: { code, message, fields? } }`, and nothing else in it. */
export function errorBody(code: ErrorCode, message: string, fields?: FieldError[]) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, fields?: FieldError[]) {
  return reply.status(status).send(errorBody(code, message, fields));
}

/** Fastify's own messages may quote the request (a media type, a path): a client reads these instead. */

function fromFastify(
  err: FastifyError,
): { status: number; code: ErrorCode; message: string; fields?: FieldError[] } | null {
  const status = err.statusCode ?? 500;
  if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
    return {
      status: 400,
      code: 'validation_failed',
      message: 'the body is not valid JSON',
      fields: [{ path: 'body', message: 'is not valid JSON' }],
    };
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      status: 400,
      code: 'validation_failed',
      message: 'the body must be a JSON object',
      fields: [{ path: 'body', message: 'must be a JSON object (Content-Type: application/json)' }],
    };
  }
  if (status === 413) return { status, code: 'payload_too_large', message: 'the body is too large' };
  if (status === 429) return { status, code: 'rate_limited', message: 'too many requests; wait a minute' };
  if (status === 404) return { status, code: 'not_found', message: 'not found' };
  if (status >= 400 && status < 500) {
    const what = 'could not be read';
    return {
      status: 400,
      code: 'validation_failed',
      message: `the request ${what}`,
      fields: [{ path: 'body', message: what }],
    };
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return send(reply, err.status, err.code, err.message, err.fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = fieldsFromValidation(err.validation as unknown as ZodIssueLike[], err.validationContext);
      const summary = fields.map((f) => `${f.path} ${f.message}`).join('; ');
      return send(reply, 400, 'validation_failed', `the request is not valid: ${summary}`, fields);
    }
    const code = pgCode(err);
    const mapped = code ? PG_CODES[code] : undefined;
    if (mapped) return send(reply, mapped.code === 'conflict' ? 409 : 400, mapped.code, mapped.message);
    const known = fromFastify(err);
    if (known) return send(reply, known.status, known.code, known.message, known.fields);
    req.log.error({ err }, 'unhandled error');
    // The request id in words and in a header: the shape stays the one every other error has.
    reply.header('x-request-id', req.id);
    return send(
      reply,
      500,
      'internal',
      `something went wrong on our side; request id ${req.id} helps us find it`,
    );
  });
  // The address is not repeated: it is the caller's input, and may be anything.
  app.setNotFoundHandler((_req, reply) => send(reply, 404, 'not_found', NO_ROUTE));
}
