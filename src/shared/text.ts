/**
 * Control characters no text field holds: C0 controls but tab, newline and carriage return, and DEL.
 * PostgreSQL refuses NUL in text outright; the others are never typed and only garble what people read.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's job
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Half of a UTF-16 surrogate pair without its other half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_MESSAGE = 'contains a control character (such as NUL); remove it';
export const SURROGATE_MESSAGE = 'contains a broken character (half of a UTF-16 pair); send valid Unicode';

/**
 * What is wrong with a text as stored text, or null. A lone surrogate cannot be stored as sent (PostgreSQL's
 * UTF-8 has no place for it: it became U+FFFD on some routes), so it is refused like a control character.
 */
export function textProblem(s: string): string | null {
  if (CONTROL.test(s)) return CONTROL_MESSAGE;
  if (LONE_SURROGATE.test(s)) return SURROGATE_MESSAGE;
  return null;
}

/** Every string (and key) in a parsed JSON value or query object that is not storable text, by field path "a.b.0". */
export function badTextFields(value: unknown, path = ''): { path: string; message: string }[] {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? [{ path, message: problem }] : [];
  }
  if (ArrayBuffer.isView(value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => badTextFields(v, join(path, String(i))));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => {
      const problem = textProblem(k);
      return [
        ...(problem ? [{ path: join(path, k), message: problem }] : []),
        ...badTextFields(v, join(path, k)),
      ];
    });
  return [];
}

/** The field paths of badTextFields. */
export const controlCharacterPaths = (value: unknown): string[] => badTextFields(value).map((f) => f.path);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
