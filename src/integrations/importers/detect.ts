import { aliasOf, normalizeName } from './fields.ts';
import type { FeedbackFormat } from './types.ts';

export type Container = 'csv' | 'json' | 'jsonl';

/** Where the records sit in a JSON object, per format, best first. */
export const WRAPPERS: Record<FeedbackFormat, readonly string[]> = {
  csv: [],
  json: ['items', 'data'],
  jsonl: ['items', 'data'],
  zendesk: ['tickets', 'results', 'items', 'data'],
  intercom: ['conversations', 'items', 'data'],
  jira: ['issues'],
  linear: ['data.issues.nodes', 'issues.nodes', 'issues', 'nodes'],
  github: ['items', 'issues'],
};
const ALL_WRAPPERS = new Set(
  Object.values(WRAPPERS)
    .flat()
    .filter((w) => !w.includes('.')),
);

/**
 * The format of a feedback file from its name and first bytes. Content wins over the extension (a ".json" file
 * that is JSON Lines is JSON Lines); Zendesk and Intercom are recognised by their wrappers and field names.
 */
export function detectFormat(fileName: string, head: string): FeedbackFormat {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  const container = containerOf(fileName, text);
  if (container === 'csv') return isIntercomCsv(text) ? 'intercom' : isJiraCsv(text) ? 'jira' : 'csv';
  return vendorOf(text) ?? container;
}

/**
 * CSV, one JSON document, or JSON Lines, by the first non-blank character and the first line. A first line
 * that is a whole object is a JSON Lines record when more objects follow or it has an id; one holding a known
 * wrapper list, or nothing like a record, is a JSON document (which then says what it expected).
 */
export function containerOf(fileName: string, head: string): Container {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'json';
  if (!text.startsWith('{')) return 'csv';
  const firstLine = text.split('\n', 1)[0]!;
  const isJsonLinesName = /\.(jsonl|ndjson)$/i.test(fileName);
  const record = parseObject(firstLine);
  if (record === undefined) return isJsonLinesName ? 'jsonl' : 'json';
  const keys = Object.keys(record);
  if (keys.some((key) => ALL_WRAPPERS.has(key) && Array.isArray(record[key]))) return 'json';
  const moreObjects = text.slice(firstLine.length).trimStart().startsWith('{');
  const hasId = keys.some((key) => aliasOf(key)?.field === 'id');
  return moreObjects || hasId || isJsonLinesName ? 'jsonl' : 'json';
}

function parseObject(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function vendorOf(text: string): FeedbackFormat | undefined {
  if (/"tickets"\s*:\s*\[|"requester_id"\s*:|\/api\/v2\/tickets\//.test(text)) return 'zendesk';
  if (/"conversations"\s*:\s*\[|"conversation_parts"\s*:|"type"\s*:\s*"conversation(?:\.list)?"/.test(text)) {
    return 'intercom';
  }
  if (
    /"self"\s*:\s*"https:\/\/[^"]+\/rest\/api\/\d\/issue\/|"fields"\s*:\s*\{\s*"(?:summary|issuetype)"/.test(
      text,
    )
  )
    return 'jira';
  if (
    /"identifier"\s*:\s*"[A-Z][A-Z0-9]*-\d+"|^\{\s*"data"\s*:\s*\{\s*"issues"\s*:\s*\{\s*"nodes"/.test(text)
  )
    return 'linear';
  if (/"(?:html_)?url"\s*:\s*"https:\/\/github\.com\/[^"/]+\/[^"/]+\/issues\/\d+"/.test(text))
    return 'github';
  return undefined;
}

/** Jira's CSV export names its id column "Issue key". */
function isJiraCsv(text: string): boolean {
  const header = text.split('\n', 1)[0]!;
  return header.split(/[,;\t]/).some((cell) => normalizeName(cell.replace(/"/g, '')) === 'issue_key');
}

/** Intercom's CSV export names its id column "Conversation ID". */
function isIntercomCsv(text: string): boolean {
  const header = text.split('\n', 1)[0]!;
  return header.split(/[,;\t]/).some((cell) => normalizeName(cell.replace(/"/g, '')) === 'conversation_id');
}
