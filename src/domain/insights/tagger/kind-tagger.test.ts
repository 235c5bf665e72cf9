import { describe, expect, it } from 'vitest';
import {
  builtinKindTagger,
  CORRECTION_WEIGHT,
  deserializeTagger,
  learnFromCorrections,
  serializeTagger,
} from './kind-tagger.ts';
import { SEED_CORPUS } from './seed-corpus.ts';

/** Written for this test, not taken from the seed corpus (checked below). */
const CLEAR: [string, string][] = [
  ['bug', 'The app keeps crashing when I try to upload a photo from my gallery.'],
  ['bug', 'Since yesterday the sync with Outlook fails with error 403.'],
  ['bug', 'Login button is greyed out and nothing happens when I press enter.'],
  ['bug', 'Our monthly statement PDF is missing the last page, it stops at page 3.'],
  ['feature_request', 'Could you please add support for exporting timesheets to Excel?'],
  ['feature_request', 'It would be useful to have a dark theme in the web app.'],
  ['feature_request', 'We need the ability to set a budget limit per project.'],
  ['feature_request', 'Please add an integration with Jira so issues sync both ways.'],
  ['confusion', 'How do I invite my team members to the project?'],
  ['confusion', 'I cannot find where to change my billing address.'],
  ['confusion', 'Where is the setting for notification sounds?'],
  ['confusion', 'What does the little orange dot next to a task mean?'],
  ['complaint', 'This is the worst service ever, I want my money back.'],
  ['complaint', 'We are very unhappy with the recent price change and are thinking of leaving.'],
  ['complaint', 'I have emailed you four times this week and still no answer. Really poor service.'],
  ['complaint', 'Way too expensive now, you doubled the price without asking us.'],
  ['praise', 'Thanks so much, the new reports are brilliant!'],
  ['praise', 'Our team loves the new kanban board, great work!'],
  ['praise', 'Just wanted to say your support person Ana was wonderful, problem solved in minutes.'],
  ['praise', 'The new search is really fast and finds everything, well done.'],
  ['other', 'Please update our company address on the next invoice.'],
  ['other', 'Can we book a call with your sales team on Monday?'],
  ['other', 'I am away until the 3rd of March and will reply when I am back.'],
  ['other', 'Please send me your company tax certificate for our supplier records.'],
];

describe('builtinKindTagger', () => {
  const tagger = builtinKindTagger();

  it('was trained on the seed corpus only, and the test sentences are not in it', () => {
    expect(tagger.seed).toBe(SEED_CORPUS);
    expect(tagger.corrections).toEqual([]);
    const seed = new Set(SEED_CORPUS.map((e) => e.text.toLowerCase()));
    for (const [, text] of CLEAR) expect(seed.has(text.toLowerCase())).toBe(false);
  });

  it.each(CLEAR)('tags a clear %s: %s', (kind, text) => {
    const p = tagger.predict(text);
    expect(p.label).toBe(kind);
    // At least twice the uniform 1/6 (an out-of-office reply, with one like it in the seed, gets ≈ 0.44).
    expect(p.confidence).toBeGreaterThan(1 / 3);
  });

  it('gives probabilities over the six kinds that sum to 1', () => {
    const p = tagger.predict('Where can I find the invoice? Thanks, love the app');
    expect(Object.keys(p.scores).sort()).toEqual([
      'bug',
      'complaint',
      'confusion',
      'feature_request',
      'other',
      'praise',
    ]);
    expect(Object.values(p.scores).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('lets the rules raise, not decide: a how-to phrase lifts confusion', () => {
    const plain = tagger.predict('export my contacts to a spreadsheet');
    const asked = tagger.predict('how do I export my contacts to a spreadsheet');
    expect(asked.scores.confusion!).toBeGreaterThan(plain.scores.confusion!);
    expect(asked.label).toBe('confusion');
    // "Thanks" closing a bug report is politeness, not praise.
    expect(tagger.predict('The invoice page shows a 500 error since this morning. Thanks!').label).toBe(
      'bug',
    );
  });

  it('is trained once and shared', () => {
    expect(builtinKindTagger()).toBe(tagger);
  });
});

describe('learnFromCorrections', () => {
  const base = builtinKindTagger();
  const similar = 'Is there a way to export the timeline to PowerPoint?';
  const corrections = [
    { text: 'Is there a way to export the Gantt chart to PowerPoint?', label: 'feature_request' },
    { text: 'Is there a way to export the roadmap to PowerPoint slides?', label: 'feature_request' },
  ];
  const org = learnFromCorrections(base, corrections);

  it("changes the next prediction of a text like the org's corrected ones", () => {
    expect(base.predict(similar).label).toBe('confusion');
    expect(org.predict(similar).label).toBe('feature_request');
    for (const c of corrections) expect(org.predict(c.text).label).toBe('feature_request');
  });

  it('keeps what the corrections do not touch', () => {
    expect(org.predict('How do I invite a colleague to my board?').label).toBe('confusion');
    expect(org.predict('The app crashes when I open settings.').label).toBe('bug');
  });

  it('weights corrections above the seed and softens a rule they contradict', () => {
    expect(CORRECTION_WEIGHT).toBeGreaterThan(1);
    const howTo = (t: typeof org) => t.rules.find((r) => r.name === 'how-to')!.boost;
    expect(howTo(org)).toBeCloseTo(howTo(base) / 3);
    expect(org.corrections).toEqual(corrections);
    // The base tagger is not changed.
    expect(base.corrections).toEqual([]);
    expect(base.predict(similar).label).toBe('confusion');
  });

  it('lets a later correction of the same text replace an earlier one', () => {
    const again = learnFromCorrections(org, [
      { text: corrections[0]!.text.toUpperCase(), label: 'confusion' },
    ]);
    expect(again.corrections).toHaveLength(2);
    expect(again.corrections.at(-1)!.label).toBe('confusion');
  });

  it('round-trips through serializeTagger with identical predictions', () => {
    const copy = deserializeTagger(serializeTagger(org));
    for (const text of [similar, ...CLEAR.map(([, t]) => t)])
      expect(copy.predict(text)).toEqual(org.predict(text));
    expect(copy.corrections).toEqual(org.corrections);
  });
});
