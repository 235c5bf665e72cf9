/** The XSS test's way in (xss.test.ts, xss-seed.ts): a JSON client over the public API and an API token for it. */

/** A small JSON client over the public API with an API token, as a CI job or a script would call it. */
export class Api {
  constructor(
    readonly base: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 600)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  get = <T>(path: string) => this.call<T>('GET', path);
  post = <T>(path: string, body: unknown = {}) => this.call<T>('POST', path, body);
  put = <T>(path: string, body: unknown) => this.call<T>('PUT', path, body);
  patch = <T>(path: string, body: unknown) => this.call<T>('PATCH', path, body);
}

/** Signs in through the API (as the sign-in page does) and makes an API token for the person. */
export async function tokenFor(base: string, email: string, name: string): Promise<string> {
  const signIn = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: 'prodops-demo' }),
  });
  if (!signIn.ok) throw new Error(`sign-in ${email}: ${signIn.status}`);
  const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('prodops_csrf='))?.split('=')[1] ?? '';
  const res = await fetch(`${base}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookies.join('; '), 'X-CSRF-Token': csrf },
    body: JSON.stringify({ name }),
  });
  if (!res.ok) throw new Error(`token ${email}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
