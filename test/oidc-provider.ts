import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

/** The claims an account of the test issuer has (besides `sub`, its id). */
export interface TestAccountClaims {
  email: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next login interaction signs in as (there is no login form: the test chooses). */
  signInAs(accountId: string): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 and a random port, with one confidential client.
 * Its login and consent interactions finish at once, as the account `signInAs` chose: a test follows the
 * redirects as a browser would.
 */
export async function startTestIssuer(opts: {
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  accounts: Record<string, TestAccountClaims>;
}): Promise<TestIssuer> {
  let provider: Provider | null = null;
  let nextAccount: string | null = null;
  const server: Server = createServer((req, res) => {
    if (!provider) return res.writeHead(503).end();
    if (req.url?.startsWith('/interaction/')) {
      interact(provider, req, res, nextAccount).catch((err: Error) => res.writeHead(500).end(err.message));
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'prodops-test';
  const clientSecret = 'test-client-secret-that-is-long-enough-for-hs256';
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: opts.redirectUris,
        post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...(key as JWK), kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-cookie-key'] },
    // Explicit lifetimes (the defaults print a notice each).
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const claims = opts.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: () => ({ sub: id, email_verified: true, ...claims }) };
    },
  });
  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (accountId) => {
      nextAccount = accountId;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Login as the chosen account, consent to everything asked: the minimal handlers oidc-provider's docs show. */
async function interact(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  account: string | null,
) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (!account) throw new Error('the test did not choose an account (signInAs)');
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const accountId = details.session?.accountId;
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  if (!grant) throw new Error('grant not found');
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** A browser's cookie jar, enough for one host: names to values, cleared cookies removed. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=.*1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows the issuer's redirects from its authorization URL, as a browser would, until one leaves the issuer:
 * that address (the app's callback with code and state) is returned.
 */
export async function followIssuer(issuer: string, authorizationUrl: string): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin !== new URL(issuer).origin) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location)
      throw new Error(`the issuer answered ${res.status} at ${url.pathname}: ${await res.text()}`);
    url = new URL(location, url);
  }
  throw new Error('too many redirects at the issuer');
}
