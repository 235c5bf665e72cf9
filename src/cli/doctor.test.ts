import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, useDataDir } from '../../test/cli.ts';
import { startSlackPeer, startSmtpPeer } from '../../test/peers.ts';

describe('prodops doctor checks the integrations', () => {
  const data = useDataDir();
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let slack: Awaited<ReturnType<typeof startSlackPeer>>;
  beforeAll(async () => {
    smtp = await startSmtpPeer();
    slack = await startSlackPeer();
  });
  afterAll(async () => {
    await smtp.close();
    await slack.close();
  });

  it('says ✓ for a reachable SMTP server and ✗ (exit 1) for one that is not', async () => {
    await data.cli(['migrate']);
    const good = await data.cli(['doctor']);
    expect(good.stdout).toMatch(/– SMTP: not configured/);
    const withSmtp = await runCli(['doctor'], {
      env: {
        ...data.env,
        SMTP_URL: smtp.url,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: `${slack.url}/api`,
      },
    });
    expect(withSmtp.stdout + withSmtp.stderr).toMatch(/Slack: bot token works/);
    expect(withSmtp.stdout).toMatch(/✓ SMTP: 127\.0\.0\.1:\d+ accepts connections/);
    expect(slack.received.at(-1)).toMatchObject({
      path: '/api/auth.test',
      authorization: 'Bearer xoxb-test',
    });
    const broken = await runCli(['doctor'], { env: { ...data.env, SMTP_URL: 'smtp://127.0.0.1:1' } });
    expect(broken.stdout).toMatch(/✗ SMTP: 127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect(broken.code).toBe(1);
  });
});
