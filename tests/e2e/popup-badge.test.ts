/** The toolbar badge and the popup's data in Chromium: the hidden-user count of the tab's site. */
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from '../support/extension-session';
import { screenshot } from '../support/chromium';
import { TINY, useSimulator } from '../support/with-sim';

type ExtensionGlobal = {
  chrome: {
    tabs: { query(q: object): Promise<{ id: number }[]> };
    action: { getBadgeText(d: object): Promise<string> };
  };
};

describe('badge and popup', () => {
  const sim = useSimulator('tiny');
  const session = useExtensionSession(sim, 'tiny.atlassian.net', TINY.admin.email);

  const badgeOf = (urlPattern: string) =>
    session().page.evaluate(async (pattern) => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const [tab] = await chrome.tabs.query({ url: pattern });
      return tab ? chrome.action.getBadgeText({ tabId: tab.id }) : 'no tab';
    }, urlPattern);

  it('shows the hidden-user count on the site’s tabs once a scan has run', async () => {
    const site = await session().browser.context.newPage();
    await site.goto(`${TINY.site}/admin/users`);
    await site.locator('tr[data-relink-row]').first().waitFor({ timeout: 10_000 });
    await expect.poll(() => badgeOf('https://tiny.atlassian.net/admin/*'), { timeout: 10_000 }).toBe('2');
    await site.goto(`${TINY.site}/jira/your-work`);
    await expect.poll(() => badgeOf('https://tiny.atlassian.net/jira/*')).toBe('2');
  });

  it('gives the popup the tab’s site, its counts by state, and the last scan', async () => {
    const reply = await session().ask({ type: 'status/get', tabUrl: `${TINY.site}/jira/your-work` });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        tabSites: [
          {
            host: 'tiny.atlassian.net',
            hiddenCount: 2,
            counts: { hidden: 2, active: 3 },
            scan: { status: 'done', detail: '2 hidden users found' },
          },
        ],
        otherSites: [],
      },
    });
    const popup = await session().browser.context.newPage();
    await popup.setViewportSize({ width: 360, height: 400 });
    await popup.goto(`chrome-extension://${session().browser.extensionId}/popup.html`);
    await popup.getByRole('heading', { name: 'Relink' }).waitFor();
    await screenshot(popup, 'popup');
  });
});
