/** The options page in Chromium: sign-in modes with a live check against the simulator, and the audit log. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { TINY, useSimulator } from '../support/with-sim';

describe('options page', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    const page = await browser.context.newPage();
    await signIn(page, TINY.site, '/admin/users', TINY.admin.email);
    await page.locator('tbody[data-relink]').waitFor({ timeout: 10_000 });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const status = () => options.getByTestId('auth-status');

  it('checks the browser session live: who, where, and what they may do', async () => {
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await expect
      .poll(() => status().textContent())
      .toBe('Signed in as Tia Admin on tiny.atlassian.net (browser session) — site admin: yes, Administer Jira: yes.');
  });

  it('sends a saved token to no site the admin did not choose for it', async () => {
    await options.getByLabel('An API token').check();
    await options.getByLabel('Email', { exact: true }).fill(TINY.viewer.email);
    await options.getByLabel('Token', { exact: true }).fill(TINY.viewer.token);
    await options.getByRole('button', { name: 'Save sign-in' }).click();
    await expect.poll(() => status().textContent()).toBe('Saved.');
    // Atlassian answers as whoever the request authenticates: the token's user would be Val Viewer.
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await expect
      .poll(() => status().textContent())
      .toBe('Signed in as Tia Admin on tiny.atlassian.net (browser session) — site admin: yes, Administer Jira: yes.');
  });

  it('switches to an API token for a chosen site, keeps it out of the page once saved, and checks with it', async () => {
    await options.getByLabel('tiny.atlassian.net', { exact: true }).check();
    await options.getByLabel('Token', { exact: true }).fill(TINY.viewer.token);
    await options.getByRole('button', { name: 'Save sign-in' }).click();
    await expect.poll(() => status().textContent()).toBe('Saved.');
    expect(await options.getByLabel('Token', { exact: true }).inputValue()).toBe('');
    expect(await options.content()).not.toContain(TINY.viewer.token);
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await expect
      .poll(() => status().textContent())
      .toBe('Signed in as Val Viewer on tiny.atlassian.net (API token) — site admin: no, Administer Jira: no.');
    await screenshot(options, 'options-api-token');
  });

  it('says what to fix when the token is wrong', async () => {
    await options.getByLabel('Token', { exact: true }).fill('not-the-token');
    await options.getByRole('button', { name: 'Save sign-in' }).click();
    await expect.poll(() => status().textContent()).toBe('Saved.');
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await expect
      .poll(() => status().textContent())
      .toBe('tiny.atlassian.net refused the API token: check the email and token in Relink’s options, then retry.');
  });
});
