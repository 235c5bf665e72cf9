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

/** PostgreSQL error codes we expect from bad input; everything else stays a 500. */
const PG_CODES: Record<string, { code: ErrorCode; message: string }> = {
  '23505': { code: 'conflict', message: 'a record with the same unique value already exists' },
  '23503': { code: 'validation_failed', message: 'a referenced record does not exist' },
  '22P02': { code: 'validation_failed', message: 'a value has the wrong format' },
  '40001': { code: 'conflict', message: 'a concurrent change conflicted; retry' },
};

function pgCode(err: unknown): string | undefined {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, extra: object = {}) {
  return reply.status(status).send({ error: { code, message, ...extra } });
}

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
      message: err.message,
      fields: [{ path: 'body', message: 'must be a JSON object (Content-Type: application/json)' }],
    };
  }
  if (status === 413) return { status, code: 'payload_too_large', message: 'the body is too large' };
  if (status === 429) return { status, code: 'rate_limited', message: err.message };
  if (status === 404) return { status, code: 'not_found', message: err.message };
  if (status >= 400 && status < 500) {
    return {
      status: 400,
      code: 'validation_failed',
      message: err.message,
      fields: [{ path: 'body', message: err.message }],
    };
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return send(reply, err.status, err.code, err.message, err.fields ? { fields: err.fields } : {});
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = fieldsFromValidation(err.validation as unknown as ZodIssueLike[], err.validationContext);
      const summary = fields.map((f) => `${f.path} ${f.message}`).join('; ');
      return send(reply, 400, 'validation_failed', `the request is not valid: ${summary}`, { fields });
    }
    const code = pgCode(err);
    const mapped = code ? PG_CODES[code] : undefined;
    if (mapped) return send(reply, mapped.code === 'conflict' ? 409 : 400, mapped.code, mapped.message);
    const known = fromFastify(err);
    if (known)
      return send(
        reply,
        known.status,
        known.code,
        known.message,
        known.fields ? { fields: known.fields } : {},
      );
    req.log.error({ err }, 'unhandled error');
    return send(reply, 500, 'internal', 'something went wrong on our side; the request id helps us find it', {
      requestId: req.id,
    });
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, 404, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`),
  );
}
