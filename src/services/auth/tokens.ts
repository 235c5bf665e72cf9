import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { apiTokens, people, sessions } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { TRole } from '../../shared/roles.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';

export const TOKEN_PREFIX = 'pdo_';

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export interface IssuedToken {
  id: string;
  token: string;
  name: string;
  personId: string;
  email: string;
}

/** Creates an API token for a person; the plain token is returned once and only its hash is stored. */
export async function createApiToken(opts: {
  db: Db;
  actor: Actor;
  email?: string;
  personId?: string;
  name?: string;
  now: Date;
}): Promise<IssuedToken> {
  return opts.db.transaction(async (tx) => {
    const where = opts.personId
      ? eq(people.id, opts.personId)
      : eq(people.email, (opts.email ?? '').toLowerCase());
    const [person] = await tx.select().from(people).where(where);
    if (!person) throw notFound(opts.email ? `person with email ${opts.email}` : 'person');
    if (!person.active) throw new AppError('conflict', `${person.email} is not active`);
    const token = `${TOKEN_PREFIX}${newSecret()}`;
    const name = opts.name?.trim() || `token ${opts.now.toISOString().slice(0, 10)}`;
    const [row] = await tx
      .insert(apiTokens)
      .values({ personId: person.id, name, tokenHash: sha256(token), prefix: token.slice(0, 10) })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error('token insert returned nothing');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'token.create',
      entityType: 'api_token',
      entityId: row.id,
      change: { personId: person.id, name, prefix: token.slice(0, 10) },
    });
    return { id: row.id, token, name, personId: person.id, email: person.email };
  });
}

export async function listApiTokens(db: Db, personId: string) {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(opts: {
  db: Db;
  actor: Actor;
  personId: string;
  tokenId: string;
  now: Date;
}) {
  await opts.db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: opts.now })
      .where(
        and(
          eq(apiTokens.id, opts.tokenId),
          eq(apiTokens.personId, opts.personId),
          isNull(apiTokens.revokedAt),
        ),
      )
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw notFound('token');
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: opts.tokenId,
      change: {},
    });
  });
}

export interface Principal {
  personId: string;
  name: string;
  email: string;
  roles: TRole[];
  /** The person's function (support, sales, …): readiness sign-offs depend on it. */
  function: string | null;
  /** Set for cookie sessions: mutations must echo it back (CSRF). */
  csrfToken: string | null;
  sessionId: string | null;
  /** Set for API tokens: the token's id. */
  tokenId: string | null;
}

/** What a principal needs of the person, and nothing else: the password hash stays in the database. */
const PRINCIPAL_COLUMNS = {
  id: people.id,
  name: people.name,
  email: people.email,
  roles: people.roles,
  function: people.function,
};

export async function principalFromToken(db: Db, token: string, now: Date): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await preparedOn(db, 'principal_from_token', (d, name) =>
    d
      .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, person: PRINCIPAL_COLUMNS })
      .from(apiTokens)
      .innerJoin(people, eq(people.id, apiTokens.personId))
      .where(
        and(
          eq(apiTokens.tokenHash, sql.placeholder('hash')),
          isNull(apiTokens.revokedAt),
          eq(people.active, true),
        ),
      )
      .prepare(name),
  ).execute({ hash: sha256(token) });
  if (!row) return null;
  // "Last used" to the minute is enough, and spares a write on every API call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return { ...toPrincipal(row.person, null, null), tokenId: row.tokenId };
}

export async function principalFromSession(
  db: Db,
  cookieValue: string,
  now: Date,
): Promise<Principal | null> {
  const id = sha256(cookieValue);
  const [row] = await preparedOn(db, 'principal_from_session', (d, name) =>
    d
      .select({ expiresAt: sessions.expiresAt, csrfToken: sessions.csrfToken, person: PRINCIPAL_COLUMNS })
      .from(sessions)
      .innerJoin(people, eq(people.id, sessions.personId))
      .where(and(eq(sessions.id, sql.placeholder('id')), eq(people.active, true)))
      .prepare(name),
  ).execute({ id });
  if (!row || row.expiresAt.getTime() <= now.getTime()) return null;
  return toPrincipal(row.person, row.csrfToken, id);
}

function toPrincipal(
  person: { id: string; name: string; email: string; roles: TRole[]; function: string | null },
  csrfToken: string | null,
  sessionId: string | null,
): Principal {
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    roles: person.roles,
    function: person.function,
    csrfToken,
    sessionId,
    tokenId: null,
  };
}
