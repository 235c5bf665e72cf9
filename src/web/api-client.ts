import type {
  TApiTokenList,
  TArea,
  TAreaInput,
  TAreaPatch,
  TAuditEntry,
  TCreatedApiToken,
  TMe,
  TMeReply,
  TPerson,
  TPersonInput,
  TPersonPatch,
  TPod,
  TPodInput,
  TPodPatch,
  TRaci,
  TRaciEntry,
  TSignInReply,
} from '../shared/org.ts';
import type { TSettings, TSettingsReply } from '../shared/settings.ts';
import type { TSsoStatus } from '../shared/sso-status.ts';
import { browserNow, observeServerTime, sampleOfDateHeader, sampleOfInstant } from './lib/clock.ts';
import { queryClient, SHARED_READ_MS } from './lib/query-client.ts';

/** One problem with one field of a request, as the API reports it ("members.2.personId"). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Every failed request becomes one of these, so pages handle errors in one way. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldProblem[];

  constructor(opts: { status: number; code: string; message: string; fields?: FieldProblem[] }) {
    super(opts.message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
    this.fields = opts.fields ?? [];
  }
}

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'prodops_csrf';

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
};

/** The router installs a handler that navigates without reloading; the default reloads the page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): () => void {
  const previous = onUnauthorized;
  onUnauthorized = handler;
  return () => {
    onUnauthorized = previous;
  };
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function toFieldProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((f) =>
    isRecord(f) && typeof f.path === 'string' && typeof f.message === 'string'
      ? [{ path: f.path, message: f.message }]
      : [],
  );
}

async function errorFrom(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  return new ApiError({
    status: res.status,
    code: typeof error?.code === 'string' ? error.code : `http_${res.status}`,
    message:
      typeof error?.message === 'string'
        ? error.message
        : `The server answered ${res.status} ${res.statusText}`,
    fields: toFieldProblems(error?.fields),
  });
}

export interface RequestOptions<T = unknown> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (an upload), with its Content-Type, instead of a JSON body. */
  file?: { data: Blob; type: string };
  signal?: AbortSignal;
  /** Sign-in answers 401 for a wrong password: that page wants the error, not a redirect. */
  redirectOn401?: boolean;
  /** The server's exact instant, if the reply carries one (`/me`'s `now`): the web app's clock is set by it. */
  serverNow?: (reply: T) => string;
}

/**
 * JSON in and out (or a file in), the session cookie, and the CSRF header the server requires on every mutation.
 * Every response tells the web app's clock (lib/clock.ts) what time the server had.
 */
export async function request<T>(path: string, opts: RequestOptions<T> = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  // The server counts status questions per channel: this one is the web app.
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Prodops-Client': 'web' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.file) headers['Content-Type'] = opts.file.type;
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  let res: Response;
  const sentAt = browserNow();
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.file ? opts.file.data : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'Could not reach the prodops server. Check your connection and try again.',
    });
  }
  const receivedAt = browserNow();
  observeServerTime(sampleOfDateHeader(res.headers.get('date'), sentAt, receivedAt));
  if (!res.ok) {
    const error = await errorFrom(res);
    if (res.status === 401 && opts.redirectOn401 !== false) onUnauthorized();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const reply = (text ? JSON.parse(text) : undefined) as T;
  if (opts.serverNow) observeServerTime(sampleOfInstant(opts.serverNow(reply), sentAt, receivedAt));
  return reply;
}

/** Builds `?a=1&b=2`, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Lists are paged (at most 200 a page); pickers and counts want every item. */
export async function listAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = await request<Page<T>>(
      `${path}${sep}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { signal },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function crud<T, I, P>(base: string) {
  return {
    list: (params: { q?: string; limit?: number; cursor?: string | null } = {}, signal?: AbortSignal) =>
      request<Page<T>>(`${base}${query(params)}`, { signal }),
    all: (signal?: AbortSignal) => listAll<T>(base, signal),
    get: (id: string, signal?: AbortSignal) => request<T>(`${base}/${encodeURIComponent(id)}`, { signal }),
    create: (input: I) => request<T>(base, { method: 'POST', body: input }),
    update: (id: string, patch: P) =>
      request<T>(`${base}/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
    remove: (id: string) => request<void>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  };
}

/** The typed surface of /api/v1 the web app uses. */
export const api = {
  signIn: (email: string, password: string) =>
    request<TSignInReply>('/auth/sign-in', {
      method: 'POST',
      body: { email, password },
      redirectOn401: false,
    }),
  /** Signs out; with single sign-on, the issuer's sign-out address to open next (or nothing). */
  signOut: () =>
    request<{ redirectTo: string } | undefined>('/auth/sign-out', { method: 'POST', redirectOn401: false }),
  /** Whether the sign-in page offers single sign-on and the password form. */
  ssoStatus: (signal?: AbortSignal) => request<TSsoStatus>('/auth/sso', { signal, redirectOn401: false }),
  /** Who is signed in; the reply's `now` sets the web app's clock and is not part of the session. */
  me: async (signal?: AbortSignal): Promise<TMe> => {
    const { now: _now, ...me } = await request<TMeReply>('/me', { signal, serverNow: (r) => r.now });
    return me;
  },
  tokens: {
    list: (signal?: AbortSignal) => request<TApiTokenList>('/me/tokens', { signal }),
    create: (name: string) => request<TCreatedApiToken>('/me/tokens', { method: 'POST', body: { name } }),
    revoke: (id: string) => request<void>(`/me/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  },
  people: crud<TPerson, TPersonInput, TPersonPatch>('/people'),
  areas: crud<TArea, TAreaInput, TAreaPatch>('/areas'),
  pods: crud<TPod, TPodInput, TPodPatch>('/pods'),
  settings: {
    /** Shared by every caller for a few seconds: most pages read settings from several places at once. */
    get: (_signal?: AbortSignal) =>
      queryClient.fetchQuery({
        queryKey: ['api', 'settings'],
        queryFn: ({ signal }) => request<TSettingsReply>('/settings', { signal }),
        staleTime: SHARED_READ_MS,
      }),
    put: async (settings: TSettings) => {
      const reply = await request<TSettingsReply>('/settings', { method: 'PUT', body: settings });
      queryClient.setQueryData(['api', 'settings'], reply);
      return reply;
    },
  },
  raci: {
    get: (signal?: AbortSignal) => request<TRaci>('/raci', { signal }),
    put: (items: TRaciEntry[]) => request<TRaci>('/raci', { method: 'PUT', body: { items } }),
  },
  audit: (
    params: { entityType?: string; entityId?: string; limit?: number; cursor?: string | null },
    signal?: AbortSignal,
  ) => request<Page<TAuditEntry>>(`/audit${query(params)}`, { signal }),
};
