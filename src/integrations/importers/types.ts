import type { Readable } from 'node:stream';

export type FeedbackFormat = 'csv' | 'json' | 'jsonl' | 'zendesk' | 'intercom' | 'jira' | 'linear' | 'github';

/** One piece of feedback as the importer hands it on: plain text, UTC instant, hints left as the source said them. */
export interface IncomingItem {
  /** The source system's id: with the source, the idempotency key of the import. */
  externalId: string;
  title: string;
  body: string;
  occurredAt: string;
  customer: string | null;
  segment: string | null;
  evidenceType: string | null;
  severityHint: string | null;
  kindHint: string | null;
  tags: string[];
  url: string | null;
}

/**
 * `line` is where the record starts in the file (CSV: the header is line 1; JSONL: the line); in a JSON array
 * (json, Zendesk and Intercom exports) it is the 1-based record number, and errors there start with "record N".
 */
export type ParsedRow = { line: number; item: IncomingItem } | { line: number; error: string };

export type FeedbackInput = NodeJS.ReadableStream | Readable;

export interface ParseOptions {
  format: FeedbackFormat;
  fileName?: string;
}
