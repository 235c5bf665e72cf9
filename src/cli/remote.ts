import { AppError, type ErrorCode, type FieldError } from '../shared/errors.ts';
import { UserError } from './user-error.ts';

/**
 * The client of user-facing commands (`prodops update …`): like `gh`, they talk to a running server named by
 * PRODOPS_URL with the API token in PRODOPS_TOKEN (`prodops token create`), never to the database.
 * API errors come back as AppError, which the CLI prints as `prodops: message` plus one `path: message` line
 * per field, exiting 2 for validation_failed and 1 otherwise.
 */
export interface Remote {
  readonly url: string;
  /** A JSON request; resolves with the parsed body of a 2xx response. */
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
  /** A GET whose 2xx body is returned as text (markdown). */
  text(path: string): Promise<string>;
}

export function remoteFromEnv(env: NodeJS.ProcessEnv = process.env): Remote {
  const rawUrl = env.PRODOPS_URL?.trim();
  if (!rawUrl)
    throw new UserError(
      'prodops: PRODOPS_URL is not set: set it to the address of the prodops server (e.g. http://localhost:3000)',
    );
  let base: URL;
  try {
    base = new URL(rawUrl);
  } catch {
    throw new UserError(`prodops: PRODOPS_URL is not a URL: "${rawUrl}"`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:')
    throw new UserError(`prodops: PRODOPS_URL must be an http(s) URL: "${rawUrl}"`);
  const token = env.PRODOPS_TOKEN?.trim();
  if (!token)
    throw new UserError(
      'prodops: PRODOPS_TOKEN is not set: create an API token with `prodops token create --email YOU` and export it',
    );
  const url = base.toString().replace(/\/+$/, '');

  async function send(method: string, path: string, body?: unknown): Promise<Response> {
    // x-prodops-client: the server counts status questions per channel (terminal, web, Slack, API).
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      'x-prodops-client': 'cli',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${url}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(
        `prodops: cannot reach the server at PRODOPS_URL (${url}): ${cause?.code ?? cause?.message ?? (err as Error).message}`,
      );
    }
    if (!res.ok) throw await apiError(res);
    return res;
  }

  return {
    url,
    json: async <T>(method: string, path: string, body?: unknown) =>
      (await (await send(method, path, body)).json()) as T,
    text: async (path: string) => (await send('GET', path)).text(),
  };
}

/** `{error:{code,message,fields?}}` → AppError; 401 means the token (missing, revoked or wrong) is the problem. */
async function apiError(res: Response): Promise<AppError> {
  if (res.status === 401)
    return new AppError(
      'unauthorized',
      'PRODOPS_TOKEN is not valid (create one with `prodops token create`)',
    );
  const text = await res.text();
  let error: { code?: string; message?: string; fields?: FieldError[] } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    // not an API error body (a proxy's page, say): report the status below
  }
  if (!error?.message)
    return new AppError('internal', `the server answered ${res.status} ${res.statusText}`.trim());
  const fields = error.fields?.length ? error.fields : undefined;
  let message = error.message;
  // The API repeats the fields in its message ("…: path message; …"); they are printed one per line instead.
  const suffix = fields ? `: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}` : '';
  if (suffix && message.endsWith(suffix)) message = message.slice(0, -suffix.length);
  return new AppError((error.code ?? 'internal') as ErrorCode, message, fields);
}
