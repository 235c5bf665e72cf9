import { describe, expect, it } from 'vitest';
import { type OutgoingMessage, withRepliesInline } from './message.ts';

describe('withRepliesInline', () => {
  const message: OutgoingMessage = {
    title: 'Weekly Product Update — 2026-11-19',
    summary: 'Two areas.',
    sections: [{ markdown: '## Areas\n- Billing\n- Search' }],
    replies: [
      { title: 'Billing — Maya Chen', sections: [{ markdown: '- Invoices v2' }, { markdown: '- More' }] },
      { title: 'Search — Bo Chen', sections: [{ heading: 'Wins', markdown: '- Facets' }] },
    ],
  };

  it("appends each reply's sections after the message's own, its title heading the first", () => {
    const inline = withRepliesInline(message);
    expect(inline).not.toHaveProperty('replies');
    expect(inline.sections).toEqual([
      { markdown: '## Areas\n- Billing\n- Search' },
      { heading: 'Billing — Maya Chen', markdown: '- Invoices v2' },
      { markdown: '- More' },
      { heading: 'Search — Bo Chen', markdown: '' },
      { heading: 'Wins', markdown: '- Facets' },
    ]);
  });

  it('leaves a message without replies as it was', () => {
    const { replies: _, ...plain } = message;
    expect(withRepliesInline(plain)).toEqual(plain);
    expect(withRepliesInline({ ...plain, replies: [] })).toEqual(plain);
  });
});
