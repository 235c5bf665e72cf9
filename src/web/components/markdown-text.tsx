import markdownit from 'markdown-it';

// html: false escapes any HTML a PM types; markdown-it's link validation drops javascript:/vbscript:/data: links.
const md = markdownit('default', { html: false, linkify: true });

/**
 * One line of user markdown (a bullet): **bold**, _italics_, `code` and links render; a <script> shows as text.
 * The HTML comes from markdown-it, never from the user directly.
 */
export function MarkdownText({ text }: { text: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it output with raw HTML disabled
  return <span className="markdown-text" dangerouslySetInnerHTML={{ __html: md.renderInline(text) }} />;
}
