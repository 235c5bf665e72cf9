import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings.ts';
import { makeTagger } from './tagging.ts';

const tagger = makeTagger({
  insights: DEFAULT_SETTINGS.insights,
  areas: [
    { id: 'a-billing', slug: 'billing', name: 'Billing', description: 'Invoices, plans and payments' },
    { id: 'a-reporting', slug: 'reporting', name: 'Reporting', description: 'Dashboards and exports' },
  ],
  models: {},
  learntAreaWords: {},
});

const ticket = (tags: string[]) => ({
  title: 'Charts are slow',
  body: 'The dashboard takes a long time to load.',
  segment: null,
  evidenceType: null,
  severityHint: null,
  kindHint: null,
  tags,
});

describe('labels from a tracker', () => {
  it('decide the theme and the area when they name one (key, label, slug or name, any case)', () => {
    const tags = tagger.tag(ticket(['customer-feedback', 'BILLING', 'Onboarding']));
    expect(tags).toMatchObject({
      areaId: 'a-billing',
      areaConfidence: 1,
      theme: 'onboarding',
      themeConfidence: 1,
    });
  });

  it('leave the words to decide when they name nothing', () => {
    const tags = tagger.tag(ticket(['p1', 'triaged']));
    expect(tags.areaId).toBe('a-reporting');
    expect(tags.areaConfidence).toBeLessThan(1);
  });

  it('give Jira, Linear and GitHub types their kind where the text leaves the model unsure', () => {
    const kindOf = (kindHint: string) =>
      tagger.tag({ ...ticket([]), title: 'ED-2', body: '', kindHint }).kind;
    expect(kindOf('New Feature')).toBe('feature_request');
    expect(kindOf('enhancement')).toBe('feature_request');
    expect(kindOf('Bug')).toBe('bug');
  });
});
