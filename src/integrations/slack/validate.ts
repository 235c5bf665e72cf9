/** Slack's incoming-webhook hosts: the commercial cloud and GovSlack. */
const WEBHOOK_HOSTS = ['hooks.slack.com', 'hooks.slack-gov.com'];

/**
 * Why a URL cannot be used as a Slack incoming webhook, or null when it can. `allowAnyHost` admits any
 * http(s) URL, for tests and self-hosted relays; settings forms show the reason next to the field.
 */
export function slackWebhookUrlProblem(url: string, opts: { allowAnyHost: boolean }): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'must not contain a user name or password';
  if (opts.allowAnyHost) {
    return ['http:', 'https:'].includes(parsed.protocol) ? null : 'must start with https:// or http://';
  }
  if (parsed.protocol !== 'https:') return 'must start with https://';
  if (!WEBHOOK_HOSTS.includes(parsed.hostname) || parsed.port) {
    return 'must be a Slack incoming-webhook URL on hooks.slack.com';
  }
  if (parsed.pathname.startsWith('/triggers/') || parsed.pathname.startsWith('/workflows/')) {
    return 'is a Workflow Builder webhook, which cannot post messages: use an incoming-webhook URL (/services/…)';
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  if (segments[0] !== 'services' || segments.length !== 4) {
    return 'must look like https://hooks.slack.com/services/T…/B…/…';
  }
  return null;
}

/** True when Slack would accept posts to this URL as an incoming webhook. */
export function isSlackWebhookUrl(
  url: string,
  opts: { allowAnyHost: boolean } = { allowAnyHost: false },
): boolean {
  return slackWebhookUrlProblem(url, opts) === null;
}

/**
 * A slash command's or an interaction's response_url is where we post the answer: it must be Slack's own
 * (https, hooks.slack.com or GovSlack, /commands/… or /actions/…), so a signed-but-crafted request cannot make
 * the server post to any address. `allowAnyHost` admits any http(s) URL (tests, a relay).
 */
export function isSlackResponseUrl(url: string, opts: { allowAnyHost: boolean }): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (opts.allowAnyHost) return ['http:', 'https:'].includes(parsed.protocol);
  return (
    parsed.protocol === 'https:' &&
    WEBHOOK_HOSTS.includes(parsed.hostname) &&
    !parsed.port &&
    /^\/(commands|actions)\//.test(parsed.pathname)
  );
}
