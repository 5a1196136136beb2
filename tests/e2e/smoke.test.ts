/**
 * The production build in real Chromium against the simulator, at the real hostnames:
 * the content script runs on the three admin user-list pages, and nowhere else on the site.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { TINY, useSimulator } from '../support/with-sim';

const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
const ADMIN = 'https://admin.atlassian.com';

describe('Relink in Chromium against the simulator', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const chip = () => page.locator('relink-status').getByRole('status');
  const userRows = () => page.getByRole('table').getByRole('row');

  it('runs on the legacy site user list once the page has rendered it', async () => {
    await signIn(page, TINY.site, '/admin/users', TINY.admin.email);
    await expect.poll(() => userRows().count()).toBeGreaterThan(1);
    await expect.poll(() => chip().textContent()).toBe('Relink is active for tiny.atlassian.net');
    await screenshot(page, 'legacy-users');
  });

  it('stays out of other pages of the site', async () => {
    await page.goto(`${TINY.site}/jira/your-work`);
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    expect(await page.locator('relink-status').count()).toBe(0);
  });

  it('follows in-app navigation: gone on Groups, back on Users, never twice', async () => {
    await page.goto(`${TINY.site}/admin/users`);
    await expect.poll(() => chip().count()).toBe(1);
    await page.getByRole('link', { name: 'Groups' }).click();
    await expect.poll(() => page.locator('relink-status').count()).toBe(0);
    await page.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => chip().count()).toBe(1);
    await page.goBack();
    await expect.poll(() => page.locator('relink-status').count()).toBe(0);
  });

  it('runs on both admin.atlassian.com user lists, and not on the org overview', async () => {
    await signIn(page, ADMIN, `/o/${TINY.orgId}/users`, TINY.admin.email);
    await expect.poll(() => chip().textContent()).toMatch(/^Relink is active/);
    await screenshot(page, 'org-users');
    await page.goto(`${ADMIN}/s/${CLOUD_ID}/users`);
    await expect.poll(() => chip().textContent()).toMatch(/^Relink is active/);
    await page.goto(`${ADMIN}/o/${TINY.orgId}/overview`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.locator('relink-status').count()).toBe(0);
  });

  it('remembers the visited site, as the popup shows', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByRole('listitem').allTextContents()).toEqual(['tiny.atlassian.net']);
    await screenshot(popup, 'popup');
    await popup.close();
  });
});
