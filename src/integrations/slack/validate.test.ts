import { describe, expect, it } from 'vitest';
import { isSlackWebhookUrl, slackWebhookUrlProblem } from './validate.ts';

const strict = { allowAnyHost: false };
const relaxed = { allowAnyHost: true };

describe('slackWebhookUrlProblem', () => {
  it('accepts Slack incoming-webhook URLs', () => {
    expect(
      slackWebhookUrlProblem('https://hooks.slack.com/services/T0001/B0001/AbCdEf123', strict),
    ).toBeNull();
    expect(isSlackWebhookUrl('https://hooks.slack-gov.com/services/T1/B1/x')).toBe(true);
  });

  it('names what is wrong', () => {
    expect(slackWebhookUrlProblem('not a url', strict)).toBe('is not a URL');
    expect(slackWebhookUrlProblem('http://hooks.slack.com/services/T1/B1/x', strict)).toBe(
      'must start with https://',
    );
    expect(slackWebhookUrlProblem('https://example.com/services/T1/B1/x', strict)).toContain(
      'hooks.slack.com',
    );
    expect(slackWebhookUrlProblem('https://hooks.slack.com/services/T1/B1', strict)).toContain(
      '/services/T…/B…/',
    );
    expect(slackWebhookUrlProblem('https://hooks.slack.com/triggers/T1/1/x', strict)).toContain(
      'Workflow Builder',
    );
    expect(slackWebhookUrlProblem('https://u:p@hooks.slack.com/services/T1/B1/x', strict)).toContain(
      'password',
    );
  });

  it('admits any http(s) host only when allowed', () => {
    expect(slackWebhookUrlProblem('http://127.0.0.1:8080/relay', relaxed)).toBeNull();
    expect(isSlackWebhookUrl('http://127.0.0.1:8080/relay')).toBe(false);
    expect(slackWebhookUrlProblem('ftp://relay.internal/x', relaxed)).toBe(
      'must start with https:// or http://',
    );
  });
});
