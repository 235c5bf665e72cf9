/**
 * The rel="next" target of an HTTP Link header (RFC 8288) as GitHub sends it for pagination:
 * `<https://api.github.com/…&page=2>; rel="next", <…&page=5>; rel="last"`. Only what pagination needs: each
 * link's URI reference and its rel parameter (quoted or not, possibly several space-separated relation types).
 */
export function nextPageUrl(header: string | null): string | null {
  if (!header) return null;
  // <uri> then its parameters: `; name`, `; name=token` or `; name="quoted, maybe with commas"`.
  for (const m of header.matchAll(/<([^>]*)>((?:\s*;\s*[\w*.-]+\s*(?:=\s*(?:"[^"]*"|[^\s;,"]*))?)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(m[2] ?? '');
    const types = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (types.includes('next')) return m[1] ?? null;
  }
  return null;
}
