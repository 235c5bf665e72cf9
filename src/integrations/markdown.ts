import type { MarkdownIt, Token } from 'markdown-it';
import markdownit from 'markdown-it';

/** html:false: raw HTML in a PM's markdown is shown as text, never passed through to a recipient. */
export function createMarkdown(): MarkdownIt {
  return markdownit('default', { html: false, linkify: true });
}

const parser = createMarkdown();

/** How one target (Slack mrkdwn, plain text) spells the pieces of a markdown document. */
export interface TextStyle {
  text(s: string): string;
  strong(inner: string): string;
  em(inner: string): string;
  strike(inner: string): string;
  code(s: string): string;
  link(label: string, href: string): string;
  heading(inner: string, level: number): string;
  codeBlock(s: string): string;
  rule: string;
}

/**
 * Walks markdown-it's tokens rather than rewriting the markdown with regular expressions, so nesting,
 * escapes, code spans and unsafe links (markdown-it refuses javascript: etc.) follow the CommonMark rules.
 */
export function renderMarkdownAs(markdown: string, style: TextStyle): string {
  const lines: string[] = [];
  const quotes: string[] = [];
  const lists: { ordered: boolean }[] = [];
  let marker = '';
  let cells: string[] = [];

  const emit = (text: string) => {
    const indent = '   '.repeat(Math.max(0, lists.length - 1));
    const prefix = quotes.join('');
    text.split('\n').forEach((line, i) => {
      const lead = i === 0 && marker ? marker : ' '.repeat(marker.length);
      lines.push(`${prefix}${lists.length > 0 ? indent + lead : ''}${line}`);
    });
    marker = '';
  };
  const gap = () => {
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };

  const tokens = parser.parse(markdown, {});
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'inline': {
        const prev = tokens[i - 1];
        const inner = renderInline(t.children ?? [], style);
        if (prev?.type === 'heading_open') emit(style.heading(inner, Number(prev.tag.slice(1))));
        else if (prev?.type === 'th_open' || prev?.type === 'td_open') cells.push(inner);
        else emit(inner);
        break;
      }
      case 'paragraph_close':
        if (!t.hidden) gap();
        break;
      case 'heading_close':
      case 'hr':
      case 'table_close':
        if (t.type === 'hr') emit(style.rule);
        gap();
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: t.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        if (lists.length === 0) gap();
        break;
      case 'list_item_open':
        marker = lists[lists.length - 1]?.ordered ? `${t.info}${t.markup} ` : '• ';
        break;
      case 'blockquote_open':
        quotes.push('> ');
        break;
      case 'blockquote_close':
        quotes.pop();
        break;
      case 'fence':
      case 'code_block':
        emit(style.codeBlock(t.content));
        gap();
        break;
      case 'tr_close':
        emit(cells.join(' | '));
        cells = [];
        break;
    }
  }
  return lines.join('\n').trim();
}

function renderInline(tokens: Token[], style: TextStyle): string {
  const stack: { parts: string[]; href?: string }[] = [{ parts: [] }];
  const top = () => stack[stack.length - 1]!;
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        top().parts.push(style.text(t.content));
        break;
      case 'code_inline':
        top().parts.push(style.code(t.content));
        break;
      case 'softbreak':
      case 'hardbreak':
        top().parts.push('\n');
        break;
      case 'image':
        top().parts.push(style.link(style.text(t.content || 'image'), String(t.attrGet('src') ?? '')));
        break;
      case 'strong_open':
      case 'em_open':
      case 's_open':
        stack.push({ parts: [] });
        break;
      case 'link_open':
        stack.push({ parts: [], href: String(t.attrGet('href') ?? '') });
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close': {
        const frame = stack.length > 1 ? stack.pop()! : { parts: [] };
        const inner = frame.parts.join('');
        const wrapped =
          t.type === 'strong_close'
            ? style.strong(inner)
            : t.type === 'em_close'
              ? style.em(inner)
              : t.type === 's_close'
                ? style.strike(inner)
                : style.link(inner, frame.href ?? '');
        top().parts.push(wrapped);
        break;
      }
    }
  }
  return stack.map((f) => f.parts.join('')).join('');
}

/** A link whose text is its own address (an autolink): writing both would say it twice. */
export function isBareLink(label: string, href: string): boolean {
  return label === href || href.replace(/^(https?:\/\/|mailto:)/, '') === label;
}

/** Plain text that reads well on its own: the text/plain part of an email, a log line. */
export const plainTextStyle: TextStyle = {
  text: (s) => s,
  strong: (inner) => inner,
  em: (inner) => inner,
  strike: (inner) => inner,
  code: (s) => s,
  link: (label, href) => (isBareLink(label, href) ? href : `${label} (${href})`),
  heading: (inner) => `${inner}\n${'-'.repeat(Math.min(inner.length, 72))}`,
  codeBlock: (s) =>
    s
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n'),
  rule: '----',
};

export function markdownToPlainText(markdown: string): string {
  return renderMarkdownAs(markdown, plainTextStyle);
}
