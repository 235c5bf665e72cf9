import markdownit from 'markdown-it';

// html: false escapes any HTML typed into a bundle; markdown-it's link validation drops javascript: links.
const md = markdownit('default', { html: false, linkify: true });

/** A whole markdown document (the enablement bundle preview); the HTML comes from markdown-it only. */
export function MarkdownBlock({ text }: { text: string }) {
  return (
    <div
      className="markdown-block"
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it output with raw HTML disabled
      dangerouslySetInnerHTML={{ __html: md.render(text) }}
    />
  );
}
