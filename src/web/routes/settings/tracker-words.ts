import type { TTrackerKind } from '../../../shared/trackers.ts';

/** What each tracker calls things, for Settings → Trackers. */
export const TRACKER_WORDS: Record<
  TTrackerKind,
  {
    name: string;
    apiUrlHint: string;
    tokenLabel: string;
    tokenHint: string;
    secretHint: string;
    bugLabel: string;
    webhookHint: string;
  }
> = {
  github: {
    name: 'GitHub',
    apiUrlHint: 'https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.',
    tokenLabel: 'Token',
    tokenHint: 'It must read the linked repositories’ issues and milestones.',
    secretHint: 'The same secret as on GitHub’s webhook.',
    bugLabel: 'Bug label',
    webhookHint: 'On GitHub: content type application/json, this secret, events Issues and Milestones.',
  },
  jira: {
    name: 'Jira Cloud',
    apiUrlHint: 'Your Jira site, as https://acme.atlassian.net.',
    tokenLabel: 'Token',
    tokenHint: 'As email:API token (an Atlassian account and its API token).',
    secretHint: 'Jira does not sign webhooks: add ?secret= and this secret to the URL below.',
    bugLabel: 'Bug issue type',
    webhookHint: 'In Jira (Settings → System → WebHooks): events Issue created and Issue updated.',
  },
  linear: {
    name: 'Linear',
    apiUrlHint: 'https://api.linear.app/graphql unless you use a proxy.',
    tokenLabel: 'API key',
    tokenHint: 'A personal API key.',
    secretHint: 'The signing secret Linear shows for the webhook.',
    bugLabel: 'Bug label',
    webhookHint: 'In Linear (Settings → API → Webhooks): Issues and Projects.',
  },
};
