import markdownit from 'markdown-it';
import './markdown-block.css';

// html: false escapes any HTML typed into a bundle; markdown-it's link validation drops javascript: links.
const md = markdownit('default', { html: false, linkify: true });
// Table column alignment as a class: the Content-Security-Policy refuses style="" attributes.
for (const rule of ['th_open', 'td_open']) {
  md.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const align = /text-align:(left|center|right)/.exec(String(token.attrGet('style') ?? ''))?.[1];
    if (align) {
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
      token.attrJoin('class', `align-${align}`);
    }
    return self.renderToken(tokens, idx, options);
  };
}

/** The HTML of a markdown document, from markdown-it only. */
export function markdownBlockHtml(text: string): string {
  return md.render(text);
}

/** A whole markdown document (the enablement bundle preview); the HTML comes from markdown-it only. */
export function MarkdownBlock({ text }: { text: string }) {
  return (
    <div
      className="markdown-block"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it output with raw HTML disabled
      dangerouslySetInnerHTML={{ __html: markdownBlockHtml(text) }}
    />
  );
}
