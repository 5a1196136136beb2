/**
 * A fresh install that only ever opens admin.atlassian.com (the browser signed in to Atlassian,
 * so it holds the sites' sessions, but Relink never sees a site's own page), in Chromium and
 * Firefox: Relink learns the site a page is about from the page itself — each candidate confirmed
 * by its tenant_info — or, where the page names none, asks in place, confirms, and remembers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY, useSimulator } from '../support/with-sim';
import { chromiumUnderTest } from './chromium-driver';
import { until, type BrowserUnderTest, type PageUnderTest } from './driver';
import { firefoxUnderTest } from './firefox-driver';

const ADMIN = 'https://admin.atlassian.com';
const TINY_CLOUD = '11111111-2222-4333-8444-555555555555';
const MINE = 'table[data-testid="users-table--table"] > tbody[data-relink] > tr[data-relink-row]';
/** The question, while it is asked. */
const ASK = 'tbody[data-relink] span:not([hidden]) > label > input[placeholder="yoursite.atlassian.net"]';
const USE = 'tbody[data-relink] span:not([hidden]) > button';

describe.each([
  ['chromium', chromiumUnderTest],
  ['firefox', () => firefoxUnderTest()],
] as const)('a fresh profile on admin.atlassian.com only, in %s', (_name, launch) => {
  const sim = useSimulator('tiny', { port: 443 });
  let browser: BrowserUnderTest | undefined;
  let page: PageUnderTest;
  const names = () => page.attributes(`${MINE} input[aria-label^="Select "]`, 'aria-label');
  const title = () => page.text('tbody[data-relink] tr[data-relink-header] strong');

  beforeAll(async () => {
    browser = await launch(sim());
    page = await browser.newPage();
    // Signed in to Atlassian: the sites' session cookies are in the browser, as a sign-in on
    // id.atlassian.com leaves them; no page of a site is ever opened.
    for (const host of ['tiny.atlassian.net', 'tinyext.atlassian.net'])
      await browser.setCookie({
        name: 'cloud.session.token',
        value: sim().state.newSession(TINY.admin.accountId, host),
        domain: host,
      });
    await page.goto(`${ADMIN}/login?continue=${encodeURIComponent(`/o/${TINY.orgId}/overview`)}`);
    await page.fill('input[name=email]', TINY.admin.email);
    await page.fill('input[name=password]', 'relink-demo');
    await page.click('#login-submit');
    await page.waitFor('h1');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks which site a page that names none is about, refuses a site whose cloud id differs, and remembers the right one', async () => {
    const tinyext = [...sim().state.world.sites.values()].find((s) => s.host === 'tinyext.atlassian.net')!;
    await page.goto(`${ADMIN}/s/${tinyext.cloudId}/users?sim=nosites`);
    await page.waitFor(ASK, 20_000);
    await page.fill(ASK, 'tiny.atlassian.net');
    await page.click(USE);
    expect(await until(title, (t) => /not the site of this page/.test(t ?? ''), 15_000)).toContain(
      'tiny.atlassian.net is not the site of this page',
    );
    await page.fill(ASK, 'tinyext');
    await page.click(USE);
    await until(
      () => page.count(ASK),
      (n) => n === 0,
      15_000,
    );
    await until(title, (t) => /^Removed from site, account still alive \(\d+\)$/.test(t ?? ''), 20_000);
    // Remembered: the next visit does not ask.
    await page.goto(`${ADMIN}/s/${tinyext.cloudId}/users?sim=nosites`);
    await until(title, (t) => /^Removed from site/.test(t ?? ''), 20_000);
    expect(await page.count(ASK)).toBe(0);
  });

  it('learns a site’s own list from the page (its breadcrumb and switcher), confirmed by the site’s cloud id', async () => {
    await page.goto(`${ADMIN}/s/${TINY_CLOUD}/users`);
    expect(
      await until(names, (n) => n.includes('Select Hal Hidden') && n.includes('Select Rae Removed'), 20_000),
    ).toEqual(['Select Hal Hidden', 'Select Rae Removed']);
  });

  it('shows them on the org’s list too', async () => {
    await page.goto(`${ADMIN}/o/${TINY.orgId}/users`);
    const shown = await until(
      names,
      (n) => n.includes('Select Hal Hidden') && n.includes('Select Rae Removed'),
      20_000,
    );
    expect(new Set(shown).size).toBe(shown.length);
    await page.screenshot('fresh-profile-org');
  });
});
