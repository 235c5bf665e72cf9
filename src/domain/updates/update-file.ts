import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ParseUpdateResult, UpdateProblem, UpdateSectionKey } from './template.ts';
import {
  checkedUpdate,
  emptyUpdate,
  isNoneMarker,
  NOTHING_THIS_WEEK_KEYS,
  UPDATE_SECTION_KEYS,
} from './template.ts';

export { parseUpdateMarkdown } from './update-markdown.ts';

/**
 * Reading a PM's update file (`prodops update submit --file update.yaml|update.md`). Both parsers return
 * every problem at once, each with a path and, where the file tells us, a line number: a PM fixing a file
 * should not discover problems one run at a time.
 */

/** The failsafe schema reads every scalar as a string: these are the booleans a person writes. */
const YES_NO = new Map([
  ['true', true],
  ['yes', true],
  ['false', false],
  ['no', false],
]);

const isSectionKey = (key: string): key is UpdateSectionKey =>
  (UPDATE_SECTION_KEYS as readonly string[]).includes(key);

/** yaml's messages end with " at line N, column M:" plus a source excerpt; the line goes in `line` instead. */
const firstLine = (message: string) =>
  (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').trim();

const nodeKind = (node: unknown) => (isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'an alias');

/**
 * The YAML form: keys `wins`, `next`, `risks`, `metrics`, `links`, each a list of markdown strings, or
 * `nothing_this_week: true` alone when there is nothing to report on purpose. A scalar is
 * accepted as a one-item list and a missing or empty key as an empty list. The failsafe schema keeps every
 * scalar a string, so `- 42` or `- yes` in a metrics snapshot stay "42" and "yes", not a number or a boolean.
 */
export function parseUpdateYaml(text: string): ParseUpdateResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: 'failsafe', lineCounter, prettyErrors: true });
  const lineOfNode = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const problems: UpdateProblem[] = doc.errors.map((e) => {
    const line = e.linePos?.[0].line;
    const message = firstLine(e.message);
    return line === undefined ? { path: '', message } : { path: '', line, message };
  });
  if (problems.length > 0) return { ok: false, problems };

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === '')) {
    return { ok: false, problems: [{ path: '', message: 'the file is empty' }] };
  }
  if (!isMap(root)) {
    return {
      ok: false,
      problems: [
        {
          path: '',
          line: lineOfNode(root) ?? 1,
          message: `must be a mapping with the keys ${UPDATE_SECTION_KEYS.join(', ')}`,
        },
      ],
    };
  }

  const update = emptyUpdate();
  const lines = new Map<string, number>();
  const at = (path: string, node: unknown, message: string) => {
    const line = lineOfNode(node);
    problems.push(line === undefined ? { path, message } : { path, line, message });
  };
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if ((NOTHING_THIS_WEEK_KEYS as readonly string[]).includes(key)) {
      const flag = isScalar(pair.value)
        ? YES_NO.get(String(pair.value.value).trim().toLowerCase())
        : undefined;
      if (flag === undefined) at(key, pair.value ?? pair.key, 'must be true or false');
      else if (flag) update.nothingThisWeek = true;
      continue;
    }
    if (!isSectionKey(key)) {
      at(key, pair.key, `unknown key "${key}": use ${UPDATE_SECTION_KEYS.join(', ')} or nothing_this_week`);
      continue;
    }
    const keyLine = lineOfNode(pair.key);
    if (keyLine !== undefined) lines.set(key, keyLine);
    const value = pair.value;
    if (value === null || value === undefined) continue;
    if (isScalar(value)) {
      const item = String(value.value).trim();
      const line = lineOfNode(value);
      if (item === '' || isNoneMarker(item)) continue;
      if (line !== undefined) lines.set(`${key}.0`, line);
      update[key].push(item);
      continue;
    }
    if (!isSeq(value)) {
      at(key, value, `must be a list of strings or one string, not ${nodeKind(value)}`);
      continue;
    }
    value.items.forEach((node, i) => {
      const path = `${key}.${i}`;
      if (!isScalar(node)) {
        at(path, node ?? value, `must be a string (one markdown item), not ${nodeKind(node)}`);
        return;
      }
      const item = String(node.value).trim();
      if (item === '') at(path, node, 'is empty: write the item or remove the dash');
      else if (!isNoneMarker(item)) {
        const line = lineOfNode(node);
        if (line !== undefined) lines.set(`${key}.${update[key].length}`, line);
        update[key].push(item);
      }
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return checkedUpdate(update, (path) => lines.get(path));
}
