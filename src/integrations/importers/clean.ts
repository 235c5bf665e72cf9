import { compile } from 'html-to-text';
import { truncate } from '../text.ts';

export const MAX_BODY = 20_000;
export const MAX_TITLE = 1_000;
export const MAX_FIELD = 500;
export const MAX_TAGS = 50;
const MAX_TAG = 100;
/** Work on at most this much of a huge cell: the body keeps 20,000 characters anyway. */
const MAX_INPUT = 200_000;

const htmlToText = compile({
  wordwrap: false,
  limits: { maxInputLength: MAX_INPUT },
  selectors: [
    // Feedback is read for what the customer said: link targets and images are noise in a quote.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
});

// Known tags only: plain text such as "press <Enter> to save" must not lose its "<Enter>" to an HTML parser.
const HTML_TAGS =
  'a|b|blockquote|body|br|code|div|em|font|h[1-6]|head|hr|html|i|img|li|ol|p|pre|s|small|span|strong|sub|sup|' +
  'table|tbody|td|th|thead|tr|u|ul';
const LOOKS_LIKE_HTML = new RegExp(
  `<\\/?(?:${HTML_TAGS})(?:\\s[^>]*)?\\/?>|<!--|&(?:#\\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);`,
  'i',
);
// NUL cannot be stored in a PostgreSQL text column; the other C0 controls are never meant as text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain text from a cell that may hold HTML (Zendesk, Intercom, pasted rich text), whitespace tidied. */
export function plainText(value: unknown): string {
  const raw = scalarText(value);
  if (raw === '') return '';
  const text = LOOKS_LIKE_HTML.test(raw) ? htmlToText(raw) : raw.slice(0, MAX_INPUT);
  return tidy(text);
}

/** A body, or several parts of one (an Intercom conversation's messages) joined by a blank line. */
export function bodyText(value: unknown): string {
  const text = Array.isArray(value) ? value.map(plainText).filter(Boolean).join('\n\n') : plainText(value);
  return truncate(text, MAX_BODY);
}

/** Titles are one line: a subject with a line break in it is still a subject. */
export function titleText(value: unknown): string {
  return truncate(oneLine(plainText(value)), MAX_TITLE);
}

/** A short optional value (customer, segment, hints): trimmed, one line, '' → null. */
export function optionalText(value: unknown): string | null {
  const text = truncate(oneLine(tidy(scalarText(value).slice(0, MAX_INPUT))), MAX_FIELD);
  return text === '' ? null : text;
}

/** Tags from a list (strings or {name}) or from one cell separated by commas or semicolons; deduplicated. */
export function tagList(value: unknown): string[] {
  const parts = Array.isArray(value)
    ? value.map(tagName)
    : scalarText(value).slice(0, MAX_INPUT).split(/[,;]/);
  const tags = new Set<string>();
  for (const part of parts) {
    const tag = truncate(oneLine(tidy(part)), MAX_TAG);
    if (tag !== '') tags.add(tag);
    if (tags.size === MAX_TAGS) break;
  }
  return [...tags];
}

// One scan to tell whether any of tidy's replacements has work to do: most tickets need none.
// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
const UNTIDY = /[\u0000-\u0008\u000b-\u001f\u007f\t\u00a0]| [ \n]|\n[ \n]/;

export function tidy(text: string): string {
  if (!UNTIDY.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function oneLine(text: string): string {
  return text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text;
}

function tagName(value: unknown): string {
  if (value && typeof value === 'object' && 'name' in value) return scalarText(value.name);
  return scalarText(value);
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
