/**
 * The popup's page check and "Copy page skeleton" in Chromium, on the design-system admin pages:
 * what Relink found, in a sentence; and the round trip a real page's skeleton will take — captured
 * from the page, sanitized, then served as a page of its own where Relink must find the list and
 * put its rows in it (tests/unit/admin-skeletons.test.ts loads the committed ones).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { copyPageSkeleton, pageCheckSentence } from '../support/page-check';
import { TINY, useSimulator } from '../support/with-sim';

const ORG_PAGE = `https://admin.atlassian.com/o/${TINY.orgId}/users`;

describe('the page check', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    page = await browser.context.newPage();
    await signIn(page, TINY.site, '/admin/users', TINY.admin.email);
    await signIn(page, 'https://admin.atlassian.com', `/o/${TINY.orgId}/users`, TINY.admin.email);
    await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says what Relink found on the org Directory, paged by cursor', async () => {
    await page.goto(`${ORG_PAGE}?sim=per2,cursor`);
    await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 20_000 });
    const sentence = await pageCheckSentence(browser!, page);
    expect(sentence).toContain('Relink found the user list (with rows): users under “user”, status under “status”.');
    expect(sentence).toContain('Status filter: none set.');
    expect(sentence).toContain('It found the list’s search box.');
    expect(sentence).toContain('The list is paged by Previous and Next, now on its first page.');
    expect(sentence).toContain('Sites: tiny.atlassian.net, tinyext.atlassian.net.');
    expect(sentence).toMatch(/It shows \d+ removed users?\./);
  });

  it('says what it could not find', async () => {
    sim().state.setFaults({ adminMarkup: 'grid' });
    await page.goto(`${TINY.site}/admin/users`);
    await page.locator('relink-panel').waitFor({ timeout: 15_000 });
    expect(await pageCheckSentence(browser!, page)).toContain('Relink could not find this page’s user list');
    sim().state.setFaults({});
  });

  it('copies a skeleton that names no one, and in which Relink finds the list again', async () => {
    await page.goto(`${ORG_PAGE}?sim=select&lang=de`);
    await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 20_000 });
    const skeleton = await copyPageSkeleton(browser!, page);
    expect(skeleton).toMatch(/^<!-- relink-skeleton \{/);
    for (const secret of [
      'Ann Active',
      'ann@tiny.example.com',
      TINY.ids.ann,
      TINY.orgId,
      'tiny.atlassian.net',
      'Hal Hidden',
    ])
      expect(skeleton).not.toContain(secret);
    expect(skeleton).toContain('Benutzer');

    // The skeleton, served as the org's page: a page without any script, where Relink finds the list.
    await page.route(`${ORG_PAGE}?skeleton`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: skeleton }),
    );
    await page.goto(`${ORG_PAGE}?skeleton`);
    const rows = page.locator('table[data-testid="users-table--table"] > tbody[data-relink] > tr[data-relink-row]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(await page.locator('relink-panel').count()).toBe(0);
    await screenshot(page, 'skeleton-round-trip');
  });
});
