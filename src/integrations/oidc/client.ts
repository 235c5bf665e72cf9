import * as oidc from 'openid-client';
import { isLoopbackIssuer } from '../../shared/sso.ts';

/** What the app knows of its client at the issuer (from the settings and the stored secret). */
export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/** The PKCE verifier, state and nonce one sign-in checks at its callback. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Any failure talking to the issuer or checking its answer (the message is the library's, for the log). */
export class OidcError extends Error {
  override name = 'OidcError';
}

/** Discovery on every sign-in: the issuer's keys and endpoints may rotate, and a sign-in is rare enough. */
async function configurationOf(s: OidcClientSettings): Promise<oidc.Configuration> {
  try {
    return await oidc.discovery(
      new URL(s.issuer),
      s.clientId,
      s.clientSecret ?? undefined,
      s.clientSecret ? oidc.ClientSecretBasic(s.clientSecret) : oidc.None(),
      isLoopbackIssuer(s.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  } catch (err) {
    throw new OidcError(`discovery of ${s.issuer} failed: ${(err as Error).message}`);
  }
}

export function newChecks(): OidcChecks {
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
  };
}

/** The issuer's authorization URL for one sign-in (authorization code flow, PKCE S256). */
export async function authorizationUrl(
  s: OidcClientSettings,
  opts: { redirectUri: string; scopes: readonly string[]; checks: OidcChecks },
): Promise<URL> {
  const config = await configurationOf(s);
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: opts.redirectUri,
    scope: opts.scopes.join(' '),
    code_challenge: await oidc.calculatePKCECodeChallenge(opts.checks.codeVerifier),
    code_challenge_method: 'S256',
    state: opts.checks.state,
    nonce: opts.checks.nonce,
  });
}

/**
 * The callback's code exchanged for tokens, the ID token checked by the library (signature, issuer, audience,
 * expiry, nonce; state and PKCE), and the claims: the ID token's, with the userinfo endpoint's added (many
 * issuers put email and groups only there).
 */
export async function claimsFromCallback(
  s: OidcClientSettings,
  opts: { callbackUrl: URL; checks: OidcChecks },
): Promise<Record<string, unknown>> {
  const config = await configurationOf(s);
  try {
    const tokens = await oidc.authorizationCodeGrant(config, opts.callbackUrl, {
      pkceCodeVerifier: opts.checks.codeVerifier,
      expectedState: opts.checks.state,
      expectedNonce: opts.checks.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new OidcError('the issuer sent no ID token');
    const hasUserinfo = Boolean(config.serverMetadata().userinfo_endpoint);
    const userinfo = hasUserinfo ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    return { ...userinfo, ...idClaims };
  } catch (err) {
    if (err instanceof OidcError) throw err;
    throw new OidcError(`the sign-in answer could not be checked: ${(err as Error).message}`);
  }
}

/** Where to send the browser to end the issuer's session too, or null when the issuer has no such endpoint. */
export async function endSessionUrl(
  s: OidcClientSettings,
  postLogoutRedirectUri: string,
): Promise<URL | null> {
  const config = await configurationOf(s);
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postLogoutRedirectUri });
}
