import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServe, useDataDir } from '../test/cli.ts';
import { startTestIssuer, type TestIssuer } from '../test/oidc-provider.ts';
import { csrfHeader, failOnCspViolations, freePort, launchBrowser, signInAs } from './harness.ts';

/**
 * Issue 18 in a real browser: the Head of Product turns single sign-on on against a real OpenID Connect
 * provider (oidc-provider, in this process); the sign-in page shows the button, and a click goes to the
 * issuer and back, signed in, to the page asked for. With password sign-in off the form is gone.
 */
let server: RunningServer;
let browser: Browser;
let issuer: TestIssuer;

describe('single sign-on in a browser', () => {
  const data = useDataDir();
  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    issuer = await startTestIssuer({
      redirectUris: [`${base}/api/v1/auth/oidc/callback`],
      accounts: { hana: { email: 'hana@example.com', name: 'Hana Okafor', groups: ['product'] } },
    });
    server = await startServe({
      ...data.env,
      PRODOPS_DEMO: 'on',
      PORT: String(port),
      PRODOPS_PUBLIC_URL: base,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await issuer?.close();
  });

  it('signs in through the issuer from the sign-in page, and hides the password form once it is off', async () => {
    const admin = await signInAs(browser, server.url, 'hana@example.com', { path: '/', heading: 'Home' });
    const current = await (await admin.request.get(`${server.url}/api/v1/settings`)).json();
    const sso = {
      oidc: {
        ...current.settings.sso.oidc,
        enabled: true,
        displayName: 'Acme login',
        issuer: issuer.issuer,
        clientId: issuer.clientId,
        clientSecret: issuer.clientSecret,
        passwordSignIn: false,
      },
    };
    const saved = await admin.request.put(`${server.url}/api/v1/settings`, {
      headers: await csrfHeader(admin),
      data: { ...current.settings, sso },
    });
    expect(saved.status()).toBe(200);
    await admin.close();

    issuer.signInAs('hana');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (err) => {
      throw err;
    });
    await failOnCspViolations(page);
    await page.goto(`${server.url}/releases`);
    await page.waitForURL(/\/sign-in/);
    const button = page.getByRole('link', { name: 'Sign in with Acme login' });
    await button.waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);
    await button.click();
    await page.getByRole('heading', { name: 'Releases', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/releases');
    const me = await (await page.request.get(`${server.url}/api/v1/me`)).json();
    expect(me).toMatchObject({ email: 'hana@example.com', roles: ['head_of_product'] });
    await page.close();
  });
});
