/** Cuts to at most `max` UTF-16 units, ending with "…", never splitting a surrogate pair. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  if (end > 0 && isHighSurrogate(s.charCodeAt(end - 1))) end -= 1;
  return `${s.slice(0, end)}…`;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Links we put behind buttons and in emails must be web or mail links: anything else (javascript:, data:,
 * a relative path) is either an attack or a bug, and a recipient cannot open it anyway.
 */
export function safeLinkUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
