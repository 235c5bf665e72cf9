import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { oidcLogins, people } from '../../db/schema/index.ts';
import { groupsOf, mayJoin, nameFrom, rolesFromGroups } from '../../domain/org/sso.ts';
import {
  authorizationUrl,
  claimsFromCallback,
  endSessionUrl,
  newChecks,
  type OidcClientSettings,
  OidcError,
} from '../../integrations/oidc/client.ts';
import type { TOidcSettings } from '../../shared/sso.ts';
import type { TSsoStatus } from '../../shared/sso-status.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import { getOidcClientSecret, getSettings } from '../org/settings.ts';
import { type NewSession, openSession } from './sessions.ts';
import { newSecret, sha256 } from './tokens.ts';

/** How long a started sign-in may take at the issuer (login, MFA, consent) before it must start again. */
const LOGIN_MINUTES = 10;

/** Why a single sign-on was refused; the route turns each into a status and a sentence. */
export type SsoRefusalReason = 'off' | 'state' | 'issuer' | 'email' | 'not_allowed';
export class SsoRefusal extends Error {
  override name = 'SsoRefusal';
  constructor(
    readonly reason: SsoRefusalReason,
    detail: string,
  ) {
    super(detail);
  }
}

/** The sign-in page's view: whether the button shows, its words, whether the password form shows. */
export async function ssoStatus(db: Db): Promise<TSsoStatus> {
  const { oidc } = (await getSettings(db)).sso;
  return {
    oidc: {
      enabled: oidc.enabled,
      label: oidc.displayName ?? 'single sign-on',
      startUrl: '/api/v1/auth/oidc/start',
      passwordSignIn: oidc.passwordSignIn,
    },
  };
}

async function clientOf(db: Db): Promise<{ oidc: TOidcSettings; client: OidcClientSettings }> {
  const { oidc } = (await getSettings(db)).sso;
  if (!oidc.enabled || !oidc.issuer || !oidc.clientId) throw new SsoRefusal('off', 'single sign-on is off');
  const client = {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: await getOidcClientSecret(db),
  };
  return { oidc, client };
}

/**
 * Starts a sign-in: the checks its callback needs are kept in a row the browser's cookie names (only its
 * SHA-256 is stored), for LOGIN_MINUTES. Returns the cookie's value and the issuer's URL to send the browser to.
 */
export async function startOidcSignIn(opts: { db: Db; now: Date; redirectUri: string; next: string }) {
  const { oidc, client } = await clientOf(opts.db);
  const checks = newChecks();
  let url: URL;
  try {
    url = await authorizationUrl(client, { redirectUri: opts.redirectUri, scopes: oidc.scopes, checks });
  } catch (err) {
    throw new SsoRefusal('issuer', (err as Error).message);
  }
  const cookieValue = newSecret();
  const expiresAt = new Date(opts.now.getTime() + LOGIN_MINUTES * 60_000);
  await opts.db.transaction(async (tx) => {
    await tx.delete(oidcLogins).where(lt(oidcLogins.expiresAt, opts.now));
    await tx.insert(oidcLogins).values({ id: sha256(cookieValue), ...checks, next: opts.next, expiresAt });
  });
  return { cookieValue, expiresAt, url };
}

/**
 * The pending sign-in this browser started, if its state is the one the issuer sent back and it has not
 * expired; consumed (deleted) so the answer cannot be replayed. Anything else is refused before any write.
 */
async function takeLogin(
  db: Db,
  opts: { cookieValue: string | undefined; state: string | undefined; now: Date },
) {
  if (!opts.cookieValue || !opts.state)
    throw new SsoRefusal('state', 'no sign-in was started in this browser');
  const id = sha256(opts.cookieValue);
  const [row] = await db.select().from(oidcLogins).where(eq(oidcLogins.id, id));
  if (!row || row.state !== opts.state || row.expiresAt <= opts.now)
    throw new SsoRefusal('state', 'the state does not match a sign-in started here, or it expired');
  await db.delete(oidcLogins).where(and(eq(oidcLogins.id, id), eq(oidcLogins.state, opts.state)));
  return row;
}

/** A verified email from the claims; an issuer that says the email is unverified is not trusted with it. */
function emailOf(claims: Record<string, unknown>): string {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new SsoRefusal('email', 'the issuer sent no email address');
  if (claims.email_verified === false)
    throw new SsoRefusal('email', 'the issuer says the email is not verified');
  return email;
}

const ssoActor = (label: string): Actor => ({
  personId: null,
  label: `single sign-on (${label})`,
  roles: [],
});

/**
 * Finishes a sign-in at the callback: the state checked against this browser's pending sign-in, the code
 * exchanged and the ID token checked (by openid-client), then the person found by email, or created when
 * their domain may join; their roles follow their groups when a mapping is set. One transaction: the person,
 * the role change and the session, each with its audit entry.
 */
export async function finishOidcSignIn(opts: {
  db: Db;
  now: Date;
  cookieValue: string | undefined;
  state: string | undefined;
  callbackUrl: URL;
  ttlHours: number;
}): Promise<NewSession & { next: string }> {
  const { oidc, client } = await clientOf(opts.db);
  const login = await takeLogin(opts.db, opts);
  let claims: Record<string, unknown>;
  try {
    claims = await claimsFromCallback(client, { callbackUrl: opts.callbackUrl, checks: login });
  } catch (err) {
    if (err instanceof OidcError) throw new SsoRefusal('issuer', err.message);
    throw err;
  }
  const email = emailOf(claims);
  const roles = rolesFromGroups(oidc, groupsOf(claims[oidc.groupsClaim]));
  const session = await opts.db.transaction(async (tx) => {
    const person = await personFor(tx, { oidc, email, roles, name: nameFrom({ name: claims.name, email }) });
    return openSession(tx, person, {
      now: opts.now,
      ttlHours: opts.ttlHours,
      change: { via: 'single sign-on' },
    });
  });
  return { ...session, next: login.next };
}

async function personFor(
  tx: Db,
  p: { oidc: TOidcSettings; email: string; roles: ReturnType<typeof rolesFromGroups>; name: string },
) {
  const [existing] = await tx.select().from(people).where(eq(people.email, p.email));
  if (!existing) {
    // The same refusal as for an inactive account: the answer does not tell who has one.
    if (!mayJoin(p.oidc, p.email))
      throw new SsoRefusal('not_allowed', 'no account and the domain may not join');
    const roles = p.roles ?? [...p.oidc.defaultRoles];
    const [row] = await tx
      .insert(people)
      .values({ name: p.name, email: p.email, function: p.oidc.defaultFunction, roles, active: true })
      .returning();
    await recordAudit(tx, {
      actor: ssoActor(p.email),
      action: 'person.create',
      entityType: 'person',
      entityId: row!.id,
      change: {
        name: p.name,
        email: p.email,
        function: p.oidc.defaultFunction,
        roles,
        via: 'single sign-on',
      },
    });
    return row!;
  }
  if (!existing.active) throw new SsoRefusal('not_allowed', 'the account is inactive');
  if (p.roles && !sameRoles(existing.roles, p.roles)) {
    await tx.update(people).set({ roles: p.roles }).where(eq(people.id, existing.id));
    await recordAudit(tx, {
      actor: ssoActor(p.email),
      action: 'person.roles_sync',
      entityType: 'person',
      entityId: existing.id,
      change: { roles: { from: existing.roles, to: p.roles } },
    });
  }
  return existing;
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/** Where to send the browser after signing out, to end the issuer's session too; null when there is none. */
export async function oidcSignOutUrl(db: Db, postLogoutRedirectUri: string): Promise<string | null> {
  const { oidc } = (await getSettings(db)).sso;
  if (!oidc.enabled || !oidc.issuer || !oidc.clientId) return null;
  const client = {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    clientSecret: await getOidcClientSecret(db),
  };
  try {
    return (await endSessionUrl(client, postLogoutRedirectUri))?.toString() ?? null;
  } catch {
    // The issuer is unreachable: the session here has ended all the same.
    return null;
  }
}
