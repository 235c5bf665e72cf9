import { isBareLink, renderMarkdownAs, type TextStyle } from '../markdown.ts';
import { isHighSurrogate } from '../text.ts';

/**
 * Slack's escaping rule: only &, < and > are control characters in mrkdwn; anything else must stay as typed
 * or Slack shows the entity literally.
 */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inside <url|label> a "|" would end the URL and a ">" the link, so they are percent-encoded. */
export function escapeLinkUrl(url: string): string {
  return escapeMrkdwn(url).replace(/\|/g, '%7C');
}

const mrkdwnStyle: TextStyle = {
  text: escapeMrkdwn,
  strong: (inner) => (inner.trim() ? `*${inner}*` : inner),
  em: (inner) => (inner.trim() ? `_${inner}_` : inner),
  strike: (inner) => (inner.trim() ? `~${inner}~` : inner),
  code: (s) => `\`${escapeMrkdwn(s)}\``,
  link: (label, href) =>
    isBareLink(label, href) || !label.trim()
      ? `<${escapeLinkUrl(href)}>`
      : `<${escapeLinkUrl(href)}|${label.replace(/\n/g, ' ')}>`,
  heading: (inner) => `*${inner}*`,
  codeBlock: (s) => `\`\`\`\n${escapeMrkdwn(s.replace(/\n$/, ''))}\n\`\`\``,
  rule: '———',
};

/** Markdown to Slack mrkdwn: **bold** → *bold*, [label](url) → <url|label>, lists → bullets, & < > escaped. */
export function markdownToMrkdwn(markdown: string): string {
  return renderMarkdownAs(markdown, mrkdwnStyle);
}

/**
 * Moves a cut back so it never lands inside a <link>, an &entity; or a surrogate pair: half of any of
 * these shows up as garbage in Slack.
 */
function safeCut(s: string, cut: number): number {
  let at = cut;
  const open = s.lastIndexOf('<', at - 1);
  if (open >= 0 && s.lastIndexOf('>', at - 1) < open && open > 0) at = open;
  const amp = s.lastIndexOf('&', at - 1);
  if (amp >= 0 && at - amp < 6 && !s.slice(amp, at).includes(';') && amp > 0) at = amp;
  if (at > 0 && isHighSurrogate(s.charCodeAt(at - 1))) at -= 1;
  return at > 0 ? at : cut;
}

/** Where to break a long text: a paragraph, else a line, else a word, else wherever it is safe. */
function bestCut(s: string, max: number): number {
  const window = s.slice(0, max);
  for (const sep of ['\n\n', '\n', ' ']) {
    const i = window.lastIndexOf(sep);
    if (i > max / 2) return safeCut(s, i);
  }
  return safeCut(s, max);
}

/** Room kept in each chunk for re-opening/closing a code fence and the "…" of a cut. */
const SPLIT_MARGIN = 10;

/**
 * Splits mrkdwn into chunks of at most `max` characters without losing any of it. A ``` block cut in
 * two is closed at the end of one chunk and re-opened in the next, so both still render as code.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  const limit = max - SPLIT_MARGIN;
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = bestCut(rest, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^(\n+| )/, '');
  }
  if (rest) chunks.push(rest);
  for (let i = 0; i < chunks.length - 1; i++) {
    if ((chunks[i]!.match(/```/g)?.length ?? 0) % 2 === 1) {
      chunks[i] = `${chunks[i]}\n\`\`\``;
      chunks[i + 1] = `\`\`\`\n${chunks[i + 1]}`;
    }
  }
  return chunks;
}

/** Like truncate(), but never leaves half a <link> or &entity; behind. */
export function truncateMrkdwn(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, safeCut(s, max - 1))}…`;
}
