import { type Candidate, candidateFromEntries, isBlank, type Sourced } from './fields.ts';
import { isRecord } from './json.ts';

/** A generic record: keys matched to fields by the same aliases as CSV columns. */
export function genericCandidate(record: Record<string, unknown>): Candidate {
  return candidateFromEntries(Object.entries(record));
}

/**
 * A Zendesk ticket (API / export shape). Most fields match the generic aliases (id, subject, description,
 * created_at, priority, type, tags, url); what differs is who the customer is and where a person can open it.
 */
export function zendeskCandidate(ticket: Record<string, unknown>): Candidate {
  const candidate = genericCandidate(ticket);
  if (isBlank(candidate.title?.value) && !isBlank(ticket.raw_subject)) {
    candidate.title = { name: 'raw_subject', value: ticket.raw_subject };
  }
  candidate.customer = zendeskCustomer(ticket) ?? candidate.customer;
  const url = agentUrl(ticket.url);
  if (url) candidate.url = { name: 'url', value: url };
  return candidate;
}

/** The organisation when the export names it, else the requester's email, else the organisation's id. */
function zendeskCustomer(ticket: Record<string, unknown>): Sourced | undefined {
  const organization = child(ticket, 'organization');
  if (!isBlank(organization.name)) return { name: 'organization.name', value: organization.name };
  const requester = child(ticket, 'requester');
  if (!isBlank(requester.email)) return { name: 'requester.email', value: requester.email };
  const from = child(child(child(ticket, 'via'), 'source'), 'from');
  if (!isBlank(from.address)) return { name: 'via.source.from.address', value: from.address };
  if (!isBlank(ticket.organization_id)) return { name: 'organization_id', value: ticket.organization_id };
  return undefined;
}

/** The API's ".../api/v2/tickets/123.json" is not a page anyone can read: link the agent view instead. */
function agentUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const match = /^(https:\/\/[^/]+)\/api\/v2\/tickets\/(\d+)\.json$/.exec(url.trim());
  return match ? `${match[1]}/agent/tickets/${match[2]}` : undefined;
}

const CUSTOMER_AUTHORS = new Set(['user', 'lead', 'contact']);

/**
 * An Intercom conversation. The text is the opening message (`source`) followed by what the customer said in
 * later parts; replies from the team are left out, since the item is the customer's voice.
 */
export function intercomCandidate(conversation: Record<string, unknown>): Candidate {
  const candidate = genericCandidate(conversation);
  const source = child(conversation, 'source');
  // "type" on a conversation is the record type ("conversation"), not a kind of feedback.
  delete candidate.kindHint;
  if (isBlank(candidate.title?.value)) candidate.title = { name: 'source.subject', value: source.subject };
  candidate.body = { name: 'source.body', value: [source.body, ...customerParts(conversation)] };
  const author = child(source, 'author');
  if (!isBlank(author.email)) candidate.customer = { name: 'source.author.email', value: author.email };
  candidate.tags = { name: 'tags', value: intercomTags(conversation.tags) };
  if (!isBlank(source.url)) candidate.url = { name: 'source.url', value: source.url };
  return candidate;
}

function customerParts(conversation: Record<string, unknown>): unknown[] {
  const parts = conversation.conversation_parts;
  const list = Array.isArray(parts) ? parts : child(conversation, 'conversation_parts').conversation_parts;
  if (!Array.isArray(list)) return [];
  return list
    .filter(isRecord)
    .filter(
      (part) => part.part_type === 'comment' && CUSTOMER_AUTHORS.has(String(child(part, 'author').type)),
    )
    .map((part) => part.body);
}

/** Intercom wraps tags as {"type": "tag.list", "tags": [{"name": …}]}; a CSV-ish export has a plain list. */
function intercomTags(tags: unknown): unknown {
  return isRecord(tags) ? tags.tags : tags;
}

function child(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = record[key];
  return isRecord(value) ? value : {};
}
