import { describe, expect, it } from 'vitest';
import {
  awarenessRecordedMessage,
  parseAwarenessAction,
  surveyLinksIn,
  withAwarenessButtons,
  withoutAnswerLinks,
} from './awareness.ts';
import { toSlackPayload } from './blocks.ts';

const ID = '0b6f4d0e-8a1c-4c52-9a57-3f1c2b7d9e10';
const PAGE = 'https://prodops.example.com/surveys/abcdefghijklmnop1234';

describe('the awareness buttons', () => {
  it('read a click from its action id and request id, and nothing else', () => {
    expect(parseAwarenessAction('survey_aware_yes', ID)).toEqual({ aware: true, requestId: ID });
    expect(parseAwarenessAction('survey_aware_no', ID.toUpperCase())).toEqual({
      aware: false,
      requestId: ID,
    });
    expect(parseAwarenessAction('survey_aware_no', 'abcdefghijklmnop1234')).toBeNull();
    expect(parseAwarenessAction('readiness_ready', ID)).toBeNull();
  });

  it('replace the one-click links, keep the page link beside them, and stay within the block cap', () => {
    const actions = [
      { label: 'Yes, I knew', url: `${PAGE}?answer=yes` },
      { label: 'No, it surprised me', url: `${PAGE}?answer=no` },
      { label: 'Answer with a comment', url: PAGE },
    ];
    const payload = withAwarenessButtons(
      toSlackPayload({
        title: 'Quick question',
        summary: 'Were you aware?',
        sections: Array.from({ length: 60 }, (_, i) => ({ markdown: `part ${i}` })),
        actions: withoutAnswerLinks(actions),
        footer: 'One answer per person.',
      }),
      ID,
    );
    expect(payload.blocks.length).toBeLessThanOrEqual(50);
    const buttons = payload.blocks.flatMap((b) =>
      (b as { type: string }).type === 'actions'
        ? (b as { elements: { action_id: string; value?: string; url?: string; style?: string }[] }).elements
        : [],
    );
    expect(buttons.map((b) => [b.action_id, b.value ?? b.url, b.style ?? null])).toEqual([
      ['survey_aware_yes', ID, 'primary'],
      ['survey_aware_no', ID, null],
      ['prodops_link_0', PAGE, null],
    ]);
    expect(surveyLinksIn(payload.blocks)).toEqual([{ url: PAGE, token: 'abcdefghijklmnop1234' }]);
  });

  it('says the answer as recorded, with the comment link when there is one', () => {
    const m = awarenessRecordedMessage({
      releaseTitle: 'A <b>',
      aware: true,
      already: false,
      commentUrl: PAGE,
    });
    expect(m.replace_original).toBe(true);
    expect(m.text).toContain('Thanks — recorded: you knew.');
    expect(m.text).toContain(`<${PAGE}|Add a comment>`);
    expect(m.text).toContain('*A &lt;b&gt;*');
    const again = awarenessRecordedMessage({
      releaseTitle: 'A',
      aware: false,
      already: true,
      commentUrl: null,
    });
    expect(again.text).toContain('Already recorded: it surprised you.');
    expect(again.text).not.toContain('<http');
  });
});
