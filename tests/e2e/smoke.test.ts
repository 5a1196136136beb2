/**
 * The production build in real Chromium against the simulator, at the real hostnames: Relink's
 * rows appear in the three admin user lists (built from Atlassian's design-system packages,
 * tests/sim/admin-app/), and nowhere else on the site.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { TINY, useSimulator } from '../support/with-sim';

const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
const ADMIN = 'https://admin.atlassian.com';

describe('Relink in the admin pages', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const relinkRows = () => page.locator('tr[data-relink-row]');
  const relinkNames = async () =>
    Promise.all(
      (await relinkRows().getByRole('checkbox').all()).map(async (c) =>
        (await c.getAttribute('aria-label'))!.replace(/^Select /, ''),
      ),
    );
  const nativeRows = () => page.locator('tbody:not([data-relink]) tr');

  it('adds the removed-but-alive users, and only them, to the legacy site user list', async () => {
    await signIn(page, TINY.site, '/admin/users', TINY.admin.email);
    await expect.poll(() => nativeRows().count()).toBeGreaterThan(1);
    await expect.poll(relinkNames, { timeout: 10_000 }).toEqual(['Hal Hidden', 'Rae Removed']);
    expect(await page.locator('tbody[data-relink]').count()).toBe(1);
    expect(await nativeRows().count()).toBe(3);
    await screenshot(page, 'legacy-users');
  });

  it('stays out of other pages of the site', async () => {
    await page.goto(`${TINY.site}/jira/your-work`);
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    expect(await page.locator('[data-relink]').count()).toBe(0);
  });

  it('follows in-app navigation: gone on Groups, back on Users, never twice', async () => {
    await page.goto(`${TINY.site}/admin/users`);
    await expect.poll(() => relinkRows().count()).toBe(2);
    await page.getByRole('link', { name: 'Groups' }).click();
    await expect.poll(() => page.locator('[data-relink]').count()).toBe(0);
    await page.getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => relinkRows().count()).toBe(2);
    await page.goBack();
    await expect.poll(() => page.locator('[data-relink]').count()).toBe(0);
    await page.goForward();
    await expect.poll(() => relinkRows().count()).toBe(2);
    expect(await page.locator('tbody[data-relink]').count()).toBe(1);
  });

  it('follows the page’s search and status filter', async () => {
    await page.getByLabel('Search by name or email').fill('rae');
    await expect.poll(relinkNames).toEqual(['Rae Removed']);
    await page.getByLabel('Search by name or email').fill('');
    // The status filter is a design-system select (react-select): type the option, Enter.
    const status = async (option: string) => {
      await page.locator('#status-filter').fill(option);
      await page.keyboard.press('Enter');
    };
    await status('Suspended');
    await expect.poll(() => page.locator('tbody[data-relink]').count()).toBe(0);
    await expect.poll(() => nativeRows().count()).toBe(1);
    await status('All statuses');
    await expect.poll(() => relinkRows().count()).toBe(2);
  });

  it('keeps its rows, once, when the page sorts its own list', async () => {
    await page.goto(`${TINY.site}/admin/users`);
    await expect.poll(() => relinkRows().count()).toBe(2);
    const names = () => nativeRows().locator('a[href*="/users/"]').allTextContents();
    expect(await names()).toEqual(['Ann Active', 'Tia Admin', 'Val Viewer']);
    await page.getByRole('button', { name: 'User', exact: true }).click();
    await expect.poll(names).toEqual(['Val Viewer', 'Tia Admin', 'Ann Active']);
    await expect.poll(relinkNames).toEqual(['Hal Hidden', 'Rae Removed']);
    expect(await page.locator('tbody[data-relink]').count()).toBe(1);
  });

  it('follows the page’s dark theme through its design tokens', async () => {
    await page.goto(`${TINY.site}/admin/users?colorMode=dark`);
    await expect.poll(() => relinkRows().count()).toBe(2);
    const color = await relinkRows()
      .first()
      .getByText('Hal Hidden')
      .evaluate((n) => getComputedStyle(n).color);
    expect(color).toBe('rgb(182, 194, 207)');
    await screenshot(page, 'legacy-users-dark');
  });

  it('adds them to both admin.atlassian.com user lists, and not to the org overview', async () => {
    await signIn(page, ADMIN, `/o/${TINY.orgId}/users`, TINY.admin.email);
    await expect.poll(relinkNames, { timeout: 10_000 }).toEqual(['Hal Hidden', 'Rae Removed']);
    await screenshot(page, 'org-users');
    await page.goto(`${ADMIN}/s/${CLOUD_ID}/users`);
    await expect.poll(relinkNames, { timeout: 10_000 }).toEqual(['Hal Hidden', 'Rae Removed']);
    await page.goto(`${ADMIN}/o/${TINY.orgId}/overview`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.locator('[data-relink]').count()).toBe(0);
  });

  it('remembers the visited site, and the org page’s other site (confirmed, not yet signed in), as the popup shows', async () => {
    const popup = await browser!.context.newPage();
    await popup.goto(`chrome-extension://${browser!.extensionId}/popup.html`);
    await expect
      .poll(() => popup.getByRole('listitem').allTextContents())
      .toEqual(['tiny.atlassian.net: 2 hidden users', 'tinyext.atlassian.net: not scanned']);
    await popup.close();
  });
});
