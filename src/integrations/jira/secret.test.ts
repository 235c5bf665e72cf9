import { describe, expect, it } from 'vitest';
import { adfText } from './payloads.ts';
import { jiraSecretMatches } from './secret.ts';

describe('Jira webhook secret', () => {
  it('accepts the exact secret only', () => {
    expect(jiraSecretMatches('jira-shared-secret', 'jira-shared-secret')).toBe(true);
    expect(jiraSecretMatches('jira-shared-secret', 'jira-shared-secreT')).toBe(false);
    expect(jiraSecretMatches('jira-shared-secret', 'jira-shared-secret ')).toBe(false);
    expect(jiraSecretMatches('jira-shared-secret', '')).toBe(false);
    expect(jiraSecretMatches('jira-shared-secret', undefined)).toBe(false);
  });
});

describe('adfText', () => {
  it('reads the text of an Atlassian Document Format description', () => {
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Invoices ' },
            { type: 'text', text: 'as PDF' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'please.' }] },
      ],
    };
    expect(adfText(doc)).toBe('Invoices as PDF\nplease.');
    expect(adfText(null)).toBe('');
  });
});
