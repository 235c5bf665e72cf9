import type { Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import type { ParseUpdateResult, UpdateProblem, UpdateSectionKey } from './template.ts';
import { checkedUpdate, emptyUpdate, isNoneMarker, isNothingThisWeek, UPDATE_SECTIONS } from './template.ts';

/**
 * The markdown form of an update: the template's five bullet labels (pack §4) with items on the same line
 * after the colon and/or as nested bullets below. markdown-it finds the blocks (so lazy continuation lines,
 * code fences and `*` or `1.` bullets behave as they render); each item keeps its own markdown source.
 */
const md = new MarkdownIt('commonmark');

/**
 * Label matching ignores case, spacing, emphasis and apostrophes, so "What's next", "What’s next",
 * "Whats next" and "**Wins/shipped**" all match, while a different word never does.
 */
const normalizeLabel = (label: string) =>
  label
    .toLowerCase()
    .replace(/[*_’‘'`´]/g, '')
    .replace(/\s+/g, '');

const LABELS = new Map<string, UpdateSectionKey>(
  UPDATE_SECTIONS.map((s) => [normalizeLabel(s.label), s.key]),
);
const LABEL_LIST = UPDATE_SECTIONS.map((s) => `"- ${s.label}:"`).join(', ');
const LIST_OPEN = new Set(['bullet_list_open', 'ordered_list_open']);
const MARKER = /^( *)([-*+]|\d{1,9}[.)])( {1,4}|$)/;

/** Index of the token closing the block opened at `i` (itself for a block without children). */
function closeOf(tokens: readonly Token[], i: number): number {
  const open = tokens[i];
  if (open?.nesting !== 1) return i;
  for (let j = i + 1; j < tokens.length; j += 1) {
    const t = tokens[j];
    if (t && t.level === open.level && t.nesting === -1) return j;
  }
  return tokens.length - 1;
}

/** Blocks at `level` between token indexes [from, to), as [open, close] index pairs. */
function blocksIn(tokens: readonly Token[], from: number, to: number, level: number): [number, number][] {
  const out: [number, number][] = [];
  for (let j = from; j < to; j += 1) {
    const t = tokens[j];
    if (t?.level === level && t.nesting !== -1) {
      const close = closeOf(tokens, j);
      out.push([j, close]);
      j = close;
    }
  }
  return out;
}

/** Direct children of the block opened at `i`. */
const children = (tokens: readonly Token[], i: number) =>
  blocksIn(tokens, i + 1, closeOf(tokens, i), (tokens[i]?.level ?? 0) + 1);

/** Source lines [from, to) with `indent` leading spaces removed (fewer when a lazy line has fewer). */
function dedent(lines: readonly string[], from: number, to: number, indent: number): string {
  return lines
    .slice(from, to)
    .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
    .join('\n')
    .trim();
}

/** A nested list item's markdown: its lines without the bullet marker, dedented to the item's content. */
function listItemSource(lines: readonly string[], map: [number, number]): string {
  const first = lines[map[0]] ?? '';
  const width = MARKER.exec(first)?.[0].length ?? 0;
  return [first.slice(width), dedent(lines, map[0] + 1, map[1], width)].join('\n').trim();
}

/** Splits "**Wins / shipped:** text" into its label and same-line text. */
function splitLabel(content: string): { label: string; rest: string } {
  const text = content.replace(/^(\*\*|__)/, '');
  const colon = text.indexOf(':');
  if (colon < 0) return { label: text.replace(/(\*\*|__)$/, '').trim(), rest: '' };
  return {
    label: text.slice(0, colon).trim(),
    rest: text
      .slice(colon + 1)
      .replace(/^(\*\*|__)/, '')
      .trim(),
  };
}

const preview = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text).replace(/\s+/g, ' ');

export function parseUpdateMarkdown(text: string): ParseUpdateResult {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const tokens = md.parse(source, {});
  const update = emptyUpdate();
  const problems: UpdateProblem[] = [];
  const itemLines = new Map<string, number>();
  const labelLines = new Map<UpdateSectionKey, number>();

  const addItem = (key: UpdateSectionKey, item: string, line: number) => {
    if (item === '') {
      problems.push({
        path: `${key}.${update[key].length}`,
        line,
        message: 'is empty: write the item or remove it',
      });
    } else if (!isNoneMarker(item)) {
      itemLines.set(`${key}.${update[key].length}`, line);
      update[key].push(item);
    }
  };

  const readLabelItem = (open: number) => {
    const map = tokens[open]?.map ?? [0, 1];
    const line = map[0] + 1;
    const kids = children(tokens, open);
    const head = kids[0] && tokens[kids[0][0]]?.type === 'paragraph_open' ? kids.shift() : undefined;
    const content = head ? (tokens[head[0] + 1]?.content ?? '') : '';
    if (kids.length === 0 && isNothingThisWeek(content)) {
      update.nothingThisWeek = true;
      return;
    }
    const { label, rest: sameLine } = splitLabel(content);
    const key = LABELS.get(normalizeLabel(label));
    if (key === undefined) {
      problems.push({
        path: '',
        line,
        message: `unknown label "${preview(label)}": use ${LABEL_LIST}, with items as nested bullets ("  - …") under them`,
      });
      return;
    }
    const seen = labelLines.get(key);
    if (seen !== undefined) {
      problems.push({ path: key, line, message: `this label already appears on line ${seen}` });
      return;
    }
    labelLines.set(key, line);
    if (sameLine !== '') addItem(key, sameLine, line);
    const contentIndent = MARKER.exec(lines[map[0]] ?? '')?.[0].length ?? 2;
    for (const [childOpen] of kids) {
      const child = tokens[childOpen];
      if (!child?.map) continue;
      if (LIST_OPEN.has(child.type)) {
        for (const [itemOpen] of children(tokens, childOpen)) {
          const itemMap = tokens[itemOpen]?.map;
          if (itemMap) addItem(key, listItemSource(lines, itemMap), itemMap[0] + 1);
        }
      } else {
        // An indented paragraph (or code block) under a label is one item: PMs write prose too.
        addItem(key, dedent(lines, child.map[0], child.map[1], contentIndent), child.map[0] + 1);
      }
    }
  };

  for (const [open] of blocksIn(tokens, 0, tokens.length, 0)) {
    const t = tokens[open];
    if (!t?.map) continue;
    if (LIST_OPEN.has(t.type)) {
      for (const [item] of children(tokens, open)) readLabelItem(item);
    } else if ((t.type === 'heading_open' || t.type === 'hr') && labelLines.size === 0) {
      // A heading above the labels ("## Billing — Ana") is what PMs paste from the template; the area comes
      // from --area, so it is ignored rather than refused.
    } else if (t.type === 'paragraph_open' && isNothingThisWeek(tokens[open + 1]?.content ?? '')) {
      // "Nothing this week" on a line of its own: said on purpose, unlike an empty file.
      update.nothingThisWeek = true;
    } else if (t.type === 'html_block' && t.content.trimStart().startsWith('<!--')) {
      // Comments are how a template gives hints; they are never content.
    } else {
      problems.push({
        path: '',
        line: t.map[0] + 1,
        message: `text outside a section: "${preview(dedent(lines, t.map[0], t.map[1], 0))}"; put it as a nested bullet under one of ${LABEL_LIST}`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return checkedUpdate(update, (path) => itemLines.get(path) ?? labelLines.get(path as UpdateSectionKey));
}
