import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { preparedOn } from '../../db/prepared.ts';
import { orgSettings } from '../../db/schema/index.ts';
import { DEFAULT_SETTINGS, type TSettings, ZSettings } from '../../shared/settings.ts';
import type { Actor } from '../actor.ts';
import { diffFields, recordAudit } from '../audit.ts';
import { requestReplan } from '../cadence/replan-request.ts';
import { scopedSettings, settingsWritten } from '../scope.ts';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Defaults under a stored document, at every depth: a field added in a later version gets its default. */
export function withDefaults(defaults: unknown, stored: unknown): unknown {
  if (!isPlainObject(defaults) || !isPlainObject(stored)) return stored === undefined ? defaults : stored;
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(stored)) out[key] = withDefaults(defaults[key], value);
  return out;
}

/** The org's settings: read once per request or job run (see scope.ts), every time outside one. */
export function getSettings(db: Db): Promise<TSettings> {
  return scopedSettings(() => readSettings(db));
}

/**
 * The parsed settings of the stored documents seen lately, keyed by the document's text. Every read still asks
 * the database (so another instance's save is seen on the next request), but an unchanged document is not
 * parsed again: the zod parse (and the time zone check's Intl.DateTimeFormat) cost ≈ 235 µs a request (issue 19).
 * Keyed by content rather than updated_at, so two saves in one millisecond, or a row written by a migration
 * or by hand, are never mistaken for the version before. Frozen: every caller shares the object.
 */
const parsed = new Map<string, TSettings>();
const PARSED_KEPT = 8;

function parseStored(text: string): TSettings {
  const hit = parsed.get(text);
  if (hit) return hit;
  const settings = deepFreeze(ZSettings.parse(withDefaults(DEFAULT_SETTINGS, JSON.parse(text))));
  if (parsed.size >= PARSED_KEPT) parsed.delete(parsed.keys().next().value as string);
  parsed.set(text, settings);
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

async function readSettings(db: Db): Promise<TSettings> {
  const [row] = await preparedOn(db, 'settings_text', (d, name) =>
    d
      .select({ text: sql<string>`${orgSettings.value}::text` })
      .from(orgSettings)
      .where(eq(orgSettings.id, 1))
      .prepare(name),
  ).execute();
  return row ? parseStored(row.text) : DEFAULT_SETTINGS;
}

/** The single sign-on client secret, for the sign-in flow only (never in a reply). */
export async function getOidcClientSecret(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ secret: orgSettings.oidcClientSecret })
    .from(orgSettings)
    .where(eq(orgSettings.id, 1));
  return row?.secret ?? null;
}

/** The settings that move ritual occurrences and weekly-update cycles: a change to one re-plans them. */
const PLANNING_FIELDS = ['timeZone', 'holidays', 'workWeek', 'deadlines'];

/** The document without the write-only secret, and what a save does to the secret (undefined: keeps it). */
function splitSecret(settings: TSettings): { doc: TSettings; secret: string | null | undefined } {
  const { clientSecret, ...oidc } = settings.sso.oidc;
  return { doc: { ...settings, sso: { ...settings.sso, oidc } }, secret: clientSecret };
}

export async function updateSettings(opts: {
  db: Db;
  actor: Actor;
  settings: TSettings;
  now: Date;
}): Promise<TSettings> {
  const { doc, secret } = splitSecret(opts.settings);
  const saved = await opts.db.transaction(async (tx) => {
    // The stored row, not the scope's copy: the diff and the audit are against what is in the database.
    const before = await readSettings(tx);
    const secretBefore = await getOidcClientSecret(tx);
    const secretChanged = secret !== undefined && secret !== secretBefore;
    const changed: Record<string, unknown> = diffFields(before, doc);
    // The audit says that the secret changed, never what it is.
    if (secretChanged) changed.oidcClientSecret = secret === null ? 'cleared' : 'set';
    if (Object.keys(changed).length === 0) return before;
    const set = {
      value: doc,
      updatedAt: opts.now,
      ...(secret !== undefined ? { oidcClientSecret: secret } : {}),
    };
    await tx
      .insert(orgSettings)
      .values({ id: 1, ...set })
      .onConflictDoUpdate({ target: orgSettings.id, set });
    await recordAudit(tx, {
      actor: opts.actor,
      action: 'settings.update',
      entityType: 'settings',
      entityId: 'org',
      change: changed,
    });
    // In the background (a `cadence.replan` action, in batches): with many rituals a save stays instant.
    if (PLANNING_FIELDS.some((f) => f in changed)) await requestReplan(tx, opts.now);
    return doc;
  });
  settingsWritten(saved);
  return saved;
}
