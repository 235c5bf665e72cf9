import type { BadCase } from './validation-releases-insights.fixture.ts';

/** Bad input for the surveys' write routes (validation.test.ts). Tokens are lowercase: the test fills in ids. */
export function surveyBadCases(): Record<string, BadCase[]> {
  const token = 'abcdefghijklmnopqrstuvwxyz012345';
  return {
    'POST /api/v1/surveys/pulse': [
      { name: 'not a quarter', body: { quarter: '2026-Q5' }, fields: ['quarter'] },
      { name: 'a quarter that has not started', body: { quarter: '2099-Q1' }, fields: ['quarter'] },
    ],
    'POST /api/v1/surveys/mine/:id': [
      { name: 'not an id', url: '/api/v1/surveys/mine/abc', body: { aware: true }, fields: ['params.id'] },
      {
        name: 'a score off the scale, aware not yes or no',
        url: `/api/v1/surveys/mine/${crypto.randomUUID()}`,
        body: { score: 9, aware: 'yes' },
        fields: ['score', 'aware'],
      },
    ],
    'POST /api/v1/surveys/answer/:token': [
      {
        name: 'not a token',
        url: '/api/v1/surveys/answer/x',
        body: { aware: true },
        fields: ['params.token'],
      },
      {
        name: 'score 0 and a comment too long',
        url: `/api/v1/surveys/answer/${token}`,
        body: { score: 0, comment: 'x'.repeat(2001) },
        fields: ['score', 'comment'],
      },
    ],
  };
}
