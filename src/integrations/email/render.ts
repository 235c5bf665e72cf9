import type { MarkdownIt } from 'markdown-it';
import { createMarkdown, markdownToPlainText } from '../markdown.ts';
import { MAX_ACTIONS, type OutgoingMessage, withRepliesInline } from '../message.ts';
import { safeLinkUrl } from '../text.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const INK = '#1f2328';
const MUTED = '#57606a';
const ACCENT = '#0b57d0';

/** Inline styles per element: many mail clients drop <style>, none drop style="". */
const STYLES: Record<string, string> = {
  p: 'margin:0 0 16px;',
  h1: 'font-size:20px;margin:24px 0 8px;',
  h2: 'font-size:18px;margin:24px 0 8px;',
  h3: 'font-size:16px;margin:20px 0 8px;',
  h4: 'font-size:16px;margin:16px 0 8px;',
  h5: 'font-size:15px;margin:16px 0 8px;',
  h6: 'font-size:15px;margin:16px 0 8px;',
  a: `color:${ACCENT};text-decoration:underline;`,
  ul: 'margin:0 0 16px;padding-left:24px;',
  ol: 'margin:0 0 16px;padding-left:24px;',
  blockquote: `margin:0 0 16px;padding-left:12px;border-left:3px solid #d0d7de;color:${MUTED};`,
  code: 'font-family:Menlo,Consolas,monospace;font-size:14px;background:#f6f8fa;',
  img: 'max-width:100%;height:auto;',
  table: 'border-collapse:collapse;margin:0 0 16px;',
  th: 'border:1px solid #d0d7de;padding:6px 10px;text-align:left;',
  td: 'border:1px solid #d0d7de;padding:6px 10px;',
};

/** A markdown-it whose output carries inline styles, added to the tokens rather than patched into HTML. */
function emailMarkdown(): MarkdownIt {
  const md = createMarkdown();
  md.core.ruler.push('inline_styles', (state) => {
    for (const token of state.tokens) {
      // The message title is the one <h1>: headings inside a section go one level down.
      if (token.type === 'heading_open' || token.type === 'heading_close') {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 1)}`;
      }
      for (const t of [token, ...(token.children ?? [])]) {
        const style = t.nesting >= 0 ? STYLES[t.tag] : undefined;
        if (style) t.attrSet('style', style);
      }
    }
    return true;
  });
  return md;
}

const md = emailMarkdown();
const esc = (s: string) => md.utils.escapeHtml(s);

/** Only web and mail links reach a recipient; the rest (javascript:, relative paths) are dropped. */
function links(msg: OutgoingMessage): { label: string; url: string; primary: boolean }[] {
  const all = [
    ...(msg.link ? [{ ...msg.link, primary: true }] : []),
    ...(msg.actions ?? []).slice(0, MAX_ACTIONS).map((a) => ({ ...a, primary: false })),
  ];
  return all.flatMap((l) => {
    const url = safeLinkUrl(l.url);
    return url && l.label.trim() ? [{ label: l.label.trim(), url, primary: l.primary }] : [];
  });
}

function button(l: { label: string; url: string; primary: boolean }): string {
  const colours = l.primary
    ? `background:${ACCENT};color:#ffffff;border:1px solid ${ACCENT};`
    : `background:#ffffff;color:${ACCENT};border:1px solid ${ACCENT};`;
  return `<a href="${esc(l.url)}" style="display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;font-weight:600;text-decoration:none;${colours}">${esc(l.label)}</a>`;
}

function renderHtml(msg: OutgoingMessage, opts: { unsubscribeUrl: string; orgName: string }): string {
  const sections = (msg.sections ?? [])
    .map((s) => {
      const heading = s.heading?.trim() ? `<h2 style="${STYLES.h2}">${esc(s.heading.trim())}</h2>\n` : '';
      return `${heading}${md.render(s.markdown)}`;
    })
    .join('\n');
  const btns = links(msg).map(button).join('\n');
  const footer = msg.footer?.trim() ? `<p style="margin:0 0 8px;">${esc(msg.footer.trim())}</p>\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${esc(msg.title)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">${esc(msg.summary)}</div>
<div role="article" aria-label="${esc(msg.title)}" lang="en" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;font-family:${FONT};font-size:16px;line-height:1.5;color:${INK};">
<h1 style="font-size:24px;line-height:1.25;margin:0 0 12px;">${esc(msg.title)}</h1>
<p style="margin:0 0 16px;font-size:17px;">${esc(msg.summary)}</p>
${sections}
${btns ? `<div style="margin:24px 0 8px;">\n${btns}\n</div>` : ''}
<hr style="border:0;border-top:1px solid #d0d7de;margin:24px 0 16px;">
<div style="font-size:13px;color:${MUTED};">
${footer}<p style="margin:0;">Sent by ${esc(opts.orgName)} with prodops. <a href="${esc(opts.unsubscribeUrl)}" style="color:${MUTED};text-decoration:underline;">Unsubscribe</a></p>
</div>
</div>
</body>
</html>
`;
}

function underline(s: string, char: string): string {
  return `${s}\n${char.repeat(Math.min(s.length, 72))}`;
}

/** The text/plain part must stand on its own: some people read only that, and spam filters compare it. */
function renderText(msg: OutgoingMessage, opts: { unsubscribeUrl: string; orgName: string }): string {
  const parts = [underline(msg.title, '='), msg.summary];
  for (const s of msg.sections ?? []) {
    if (s.heading?.trim()) parts.push(underline(s.heading.trim(), '-'));
    const body = markdownToPlainText(s.markdown);
    if (body) parts.push(body);
  }
  const ls = links(msg);
  if (ls.length > 0) parts.push(ls.map((l) => `${l.label}: ${l.url}`).join('\n'));
  const footer = msg.footer?.trim() ? `${msg.footer.trim()}\n` : '';
  parts.push(`-- \n${footer}Sent by ${opts.orgName} with prodops.\nUnsubscribe: ${opts.unsubscribeUrl}`);
  return `${parts.join('\n\n')}\n`;
}

/**
 * One message as an email: an inline-styled, accessible HTML part (lang, title, the summary as preheader)
 * and a plain-text part, both with the unsubscribe link that bulk-mail rules require. Its replies (the weekly
 * update's areas) follow its own sections: an email has no thread.
 */
export function renderEmail(
  message: OutgoingMessage,
  opts: { unsubscribeUrl: string; orgName: string },
): RenderedEmail {
  const msg = withRepliesInline(message);
  const unsubscribeUrl = safeLinkUrl(opts.unsubscribeUrl);
  if (!unsubscribeUrl) throw new Error('unsubscribeUrl must be an http(s) or mailto URL');
  const o = { ...opts, unsubscribeUrl };
  return {
    subject: msg.title.replace(/\s+/g, ' ').trim(),
    text: renderText(msg, o),
    html: renderHtml(msg, o),
  };
}
