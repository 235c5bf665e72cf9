/**
 * Control characters no text field holds: C0 controls but tab, newline and carriage return, and DEL.
 * PostgreSQL refuses NUL in text outright; the others are never typed and only garble what people read.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's job
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Where in a parsed JSON value (or query object) a string holds a control character: field paths, "a.b.0". */
export function controlCharacterPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return CONTROL.test(value) ? [path] : [];
  if (ArrayBuffer.isView(value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterPaths(v, join(path, String(i))));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => [
      ...(CONTROL.test(k) ? [join(path, k)] : []),
      ...controlCharacterPaths(v, join(path, k)),
    ]);
  return [];
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
