/**
 * Firefox with host access withheld (extensions.originControls.grantByDefault false): the content
 * script does not run and no request reaches the sites — the state the popup's "Allow access to
 * Atlassian sites" card exists for (tests/unit/components.test.tsx; WebDriver BiDi cannot open the
 * popup itself in Firefox ESR 153).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY, useSimulator } from '../support/with-sim';
import type { BrowserUnderTest, PageUnderTest } from './driver';
import { firefoxUnderTest } from './firefox-driver';

describe('Firefox with host access withheld', () => {
  const sim = useSimulator('tiny', { port: 443 });
  let browser: BrowserUnderTest | undefined;
  let page: PageUnderTest;

  beforeAll(async () => {
    browser = await firefoxUnderTest({ grantHostAccess: false });
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('adds nothing to the page and sends nothing to the site until the user allows it', async () => {
    await page.goto(`${TINY.site}/login?continue=%2Fadmin%2Fusers`);
    await page.fill('input[name=email]', TINY.admin.email);
    await page.fill('input[name=password]', 'relink-demo');
    await page.click('#login-submit');
    await page.waitFor('tbody tr', 15_000);
    sim().state.requests = [];
    await new Promise((r) => setTimeout(r, 3000));
    expect(await page.count('[data-relink]')).toBe(0);
    expect(sim().state.requests.filter((r) => r.path.startsWith('/rest/'))).toEqual([]);
  });
});
