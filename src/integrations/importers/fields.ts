import { safeLinkUrl, truncate } from '../text.ts';
import { bodyText, optionalText, tagList, titleText } from './clean.ts';
import { parseInstant } from './dates.ts';
import type { IncomingItem } from './types.ts';

export type FieldKey =
  | 'id'
  | 'title'
  | 'body'
  | 'occurredAt'
  | 'customer'
  | 'segment'
  | 'evidenceType'
  | 'severityHint'
  | 'kindHint'
  | 'tags'
  | 'url';

/**
 * Column (or JSON key) names per field, best first, compared after `normalizeName`. Intercom's and Zendesk's
 * CSV headers ("Conversation ID", "Created at", "User email") are here too, so their CSV exports read as CSV.
 */
export const ALIASES: Record<FieldKey, readonly string[]> = {
  id: ['id', 'external_id', 'ticket_id', 'conversation_id'],
  title: ['title', 'subject', 'summary', 'conversation_subject'],
  body: ['body', 'text', 'description', 'comment', 'content', 'message', 'conversation_body'],
  occurredAt: ['created_at', 'date', 'timestamp', 'occurred_at', 'created', 'conversation_created_at'],
  customer: [
    'customer',
    'account',
    'company',
    'company_name',
    'organization',
    'organisation',
    'organization_name',
    'email',
    'user_email',
    'requester',
    'requester_email',
  ],
  segment: ['segment', 'plan', 'tier'],
  evidenceType: ['evidence_type'],
  severityHint: ['severity', 'priority'],
  kindHint: ['kind', 'type', 'category'],
  tags: ['tags', 'tag', 'labels'],
  url: ['url', 'link'],
};

/** The names shown in errors when a record has no such field at all. */
const DEFAULT_NAMES: Record<'id' | 'occurredAt', string> = { id: 'id', occurredAt: 'created_at' };

interface AliasRank {
  field: FieldKey;
  rank: number;
}

const BY_ALIAS = new Map<string, AliasRank>(
  (Object.entries(ALIASES) as [FieldKey, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name, rank): [string, AliasRank] => [name, { field, rank }]),
  ),
);

/** "Created at", "createdAt", "created-at" → "created_at". */
export function normalizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const rankCache = new Map<string, AliasRank | null>();

/** Which field a column or key names, if any. Memoised: the same few keys come back on every record. */
export function aliasOf(name: string): AliasRank | undefined {
  let hit = rankCache.get(name);
  if (hit === undefined) {
    hit = BY_ALIAS.get(normalizeName(name)) ?? null;
    // Keys are bounded in sane files; a file with endless distinct keys must not grow this forever.
    if (rankCache.size < 10_000) rankCache.set(name, hit);
  }
  return hit ?? undefined;
}

/** A value with the name the source gave it, so an error names the field the user knows. */
export interface Sourced {
  name: string;
  value: unknown;
}

/** A record's fields before checking: every importer builds one, `toItem` checks and cleans it. */
export type Candidate = Partial<Record<FieldKey, Sourced>>;

export type Normalized = { item: IncomingItem } | { error: string };

/** Sourced values per field, best alias first, from `[name, value]` pairs (a JSON object or a CSV row). */
export function candidateFromEntries(entries: Iterable<[string, unknown]>): Candidate {
  const found = new Map<FieldKey, (Sourced & { rank: number })[]>();
  for (const [name, value] of entries) {
    const alias = aliasOf(name);
    if (!alias) continue;
    const list = found.get(alias.field) ?? [];
    list.push({ name, value, rank: alias.rank });
    found.set(alias.field, list);
  }
  const candidate: Candidate = {};
  for (const [field, list] of found) {
    list.sort((a, b) => a.rank - b.rank);
    // A blank "id" next to a filled "external_id" should not hide it.
    const chosen = list.find((s) => !isBlank(s.value)) ?? list[0]!;
    candidate[field] = { name: chosen.name, value: chosen.value };
  }
  return candidate;
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Checks and cleans a candidate; every problem is named by the source's field name, all at once. */
export function toItem(c: Candidate): Normalized {
  const problems: string[] = [];
  const externalId = checkId(c.id ?? { name: DEFAULT_NAMES.id, value: undefined }, problems);
  const occurredAt = checkDate(
    c.occurredAt ?? { name: DEFAULT_NAMES.occurredAt, value: undefined },
    problems,
  );
  const title = c.title ? titleText(c.title.value) : '';
  const body = c.body ? bodyText(c.body.value) : '';
  if (title === '' && body === '') problems.push(noText(c));
  if (problems.length > 0 || externalId === null || occurredAt === null)
    return { error: problems.join('; ') };
  return {
    item: {
      externalId,
      title,
      body,
      occurredAt,
      customer: optionalText(c.customer?.value),
      segment: optionalText(c.segment?.value),
      evidenceType: optionalText(c.evidenceType?.value),
      severityHint: optionalText(c.severityHint?.value),
      kindHint: optionalText(c.kindHint?.value),
      tags: tagList(c.tags?.value),
      url: linkOf(c.url?.value),
    },
  };
}

const MAX_ID = 500;

function checkId({ name, value }: Sourced, problems: string[]): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (isBlank(value)) problems.push(`${name}: missing`);
  else if (typeof value !== 'string') problems.push(`${name}: ${describe(value)} is not an id`);
  else if (value.trim().length > MAX_ID) problems.push(`${name}: longer than ${MAX_ID} characters`);
  else return value.trim();
  return null;
}

function checkDate({ name, value }: Sourced, problems: string[]): string | null {
  if (isBlank(value)) {
    problems.push(`${name}: missing`);
    return null;
  }
  const instant = parseInstant(value);
  if (instant === null) problems.push(`${name}: ${describe(value)} is not a date`);
  return instant;
}

function noText(c: Candidate): string {
  const names = [c.title?.name, c.body?.name].filter((n): n is string => n !== undefined);
  if (names.length === 0) return 'no text: no title or body field';
  return `no text: ${names.join(' and ')} ${names.length === 1 ? 'is' : 'are'} empty`;
}

const MAX_URL = 2_000;

/** Only web and mail links: a `javascript:` "url" in an export must never become a link in our pages. */
function linkOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL || value.trim() === '') return null;
  return safeLinkUrl(value.trim());
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(truncate(value.trim(), 40));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}
