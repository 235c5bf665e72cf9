import { describe, expect, it } from 'vitest';
import { blocksOf } from './message-body.tsx';

describe('message markdown as text blocks', () => {
  it('keeps paragraphs and lists, and nothing becomes markup', () => {
    const blocks = blocksOf(
      'Intro line\ncontinues here.\n\n- one\n- two\n\n1. first\n2) second\n<b>bold</b>',
    );
    expect(blocks.map((b) => b.type)).toEqual(['p', 'ul', 'ol', 'p']);
    expect(blocks[0]).toMatchObject({ text: 'Intro line continues here.' });
    expect(blocks[1]).toMatchObject({ items: [{ text: 'one' }, { text: 'two' }] });
    expect(blocks[2]).toMatchObject({ items: [{ text: 'first' }, { text: 'second' }] });
    expect(blocks[3]).toMatchObject({ text: '<b>bold</b>' });
  });

  it('gives every block and item its own key', () => {
    const blocks = blocksOf('- same\n- same\n\nsame\n\nsame');
    const keys = blocks.map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    const list = blocks[0];
    expect(list?.type === 'ul' && new Set(list.items.map((i) => i.key)).size).toBe(2);
  });
});
