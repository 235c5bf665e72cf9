import type { Candidate, Sourced } from './fields.ts';
import { isBlank } from './fields.ts';
import { isRecord } from './json.ts';
import { genericCandidate } from './vendors.ts';

/**
 * Issue trackers' exports as feedback: Jira (REST v3 search JSON, or its CSV export), Linear (GraphQL `issues`
 * JSON, or its CSV export) and GitHub (REST issues JSON, or `gh issue list --json`). The id is the key people
 * use (PROJ-123, ENG-42, owner/repo#7); labels and components become tags, which name a theme or an area when
 * they match one; the issue type or a type-like label is the kind hint, the priority the severity hint.
 */

const get = (record: Record<string, unknown>, key: string): Record<string, unknown> => {
  const value = record[key];
  return isRecord(value) ? value : {};
};
const sourced = (name: string, value: unknown): Sourced | undefined =>
  isBlank(value) ? undefined : { name, value };
const names = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [])
    .map((v) => (isRecord(v) ? v.name : v))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
const cells = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );

/** Labels that say what an issue is, where the tracker has no issue type (Linear, GitHub). */
const TYPE_LABELS = ['bug', 'feature', 'feature request', 'enhancement', 'improvement', 'question'];
const typeLabel = (labels: string[]) => labels.find((l) => TYPE_LABELS.includes(l.trim().toLowerCase()));

function withFields(
  base: Candidate,
  fields: Partial<Record<keyof Candidate, Sourced | undefined>>,
): Candidate {
  const out: Candidate = { ...base };
  for (const [key, value] of Object.entries(fields) as [keyof Candidate, Sourced | undefined][])
    if (value) out[key] = value;
  return out;
}

/** Jira: a REST issue ({key, self, fields}) or a CSV row ("Issue key", "Summary", repeated "Labels" columns). */
export function jiraCandidate(record: Record<string, unknown>): Candidate {
  if (isRecord(record.fields)) return jiraRestCandidate(record);
  const tags = [...cells(record.Labels), ...cells(record['Component/s'])];
  return withFields(genericCandidate(record), {
    id: sourced('Issue key', record['Issue key']) ?? sourced('Issue id', record['Issue id']),
    kindHint: sourced('Issue Type', record['Issue Type']),
    customer: sourced('Reporter', record.Reporter),
    tags: { name: 'Labels', value: tags },
  });
}

function jiraRestCandidate(issue: Record<string, unknown>): Candidate {
  const fields = get(issue, 'fields');
  const reporter = get(fields, 'reporter');
  return withFields(
    {},
    {
      id: sourced('key', issue.key) ?? sourced('id', issue.id),
      title: sourced('fields.summary', fields.summary),
      body: sourced('fields.description', adfText(fields.description)),
      occurredAt: { name: 'fields.created', value: fields.created },
      kindHint: sourced('fields.issuetype.name', get(fields, 'issuetype').name),
      severityHint: sourced('fields.priority.name', get(fields, 'priority').name),
      customer: sourced('fields.reporter', reporter.emailAddress ?? reporter.displayName),
      tags: { name: 'fields.labels', value: [...names(fields.labels), ...names(fields.components)] },
      url: sourced('self', jiraBrowseUrl(issue.self, issue.key)),
    },
  );
}

/** ".../rest/api/3/issue/10001" is the API's address; people open ".../browse/PROJ-1". */
function jiraBrowseUrl(self: unknown, key: unknown): string | undefined {
  if (typeof self !== 'string' || typeof key !== 'string') return undefined;
  const match = /^(https:\/\/[^/]+)\/rest\/api\//.exec(self);
  return match ? `${match[1]}/browse/${key}` : undefined;
}

/**
 * The text of an Atlassian Document Format value (Jira v3's descriptions): its text nodes, block by block.
 * A plain string (Jira v2, CSV) is already text.
 */
export function adfText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!isRecord(value)) return '';
  if (value.type === 'text') return typeof value.text === 'string' ? value.text : '';
  if (value.type === 'hardBreak') return '\n';
  const content = Array.isArray(value.content) ? value.content : [];
  const inline = value.type === 'paragraph' || value.type === 'heading';
  const parts = content.map(adfText).filter((p) => p !== '');
  return inline ? parts.join('') : parts.join('\n\n');
}

/** Linear: a GraphQL issue node ({identifier, labels: {nodes}}) or a CSV row ("ID", "Labels" as one cell). */
export function linearCandidate(record: Record<string, unknown>): Candidate {
  if ('identifier' in record || 'createdAt' in record) {
    const labels = names(isRecord(record.labels) ? record.labels.nodes : record.labels);
    return withFields(genericCandidate(record), {
      id: sourced('identifier', record.identifier) ?? sourced('id', record.id),
      occurredAt: { name: 'createdAt', value: record.createdAt },
      severityHint: sourced('priorityLabel', record.priorityLabel),
      kindHint: sourced('labels', typeLabel(labels)),
      customer: sourced('creator', get(record, 'creator').email ?? get(record, 'creator').name),
      tags: { name: 'labels', value: labels },
    });
  }
  const labels = cells(record.Labels).flatMap((cell) => cell.split(','));
  return withFields(genericCandidate(record), {
    kindHint: sourced('Labels', typeLabel(labels)),
    customer: sourced('Creator', record.Creator),
    tags: { name: 'Labels', value: labels },
  });
}

/**
 * GitHub: a REST issue (html_url, created_at, user) or a `gh issue list --json` row (url, createdAt, author).
 * The id is "owner/repo#number", unique across repositories. Pull requests are not feedback: null skips them.
 */
export function githubCandidate(issue: Record<string, unknown>): Candidate | null {
  if (isRecord(issue.pull_request) || issue.isPullRequest === true) return null;
  const url = typeof issue.html_url === 'string' ? issue.html_url : issue.url;
  const labels = names(issue.labels);
  const author = isRecord(issue.user) ? issue.user : get(issue, 'author');
  return withFields(genericCandidate(issue), {
    id: sourced('html_url', githubId(url)) ?? sourced('number', issue.number) ?? sourced('id', issue.id),
    occurredAt: { name: 'created_at', value: issue.created_at ?? issue.createdAt },
    url: sourced('html_url', url),
    kindHint: sourced('labels', typeLabel(labels)),
    customer: sourced('user.login', author.login),
    tags: { name: 'labels', value: labels },
  });
}

function githubId(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const match = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/issues\/(\d+)$/.exec(url);
  return match ? `${match[1]}#${match[2]}` : undefined;
}

/** The column a tracker's CSV export always has: a CSV without it is not that export. */
export const TRACKER_CSV_ID: Record<'jira' | 'linear', string> = { jira: 'Issue key', linear: 'ID' };
