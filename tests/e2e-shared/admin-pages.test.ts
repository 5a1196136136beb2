/**
 * Relink on admin pages built like the real ones (tests/sim/admin-app/: React and Atlassian's own
 * design-system packages), in Chromium and in Firefox: each page (the org Directory, a site's Users,
 * the legacy list) × each switch (loading, empty, a selection header, a top-bar search, cursor or
 * numbered pages, removed users the page lists, other header wording), then each language with a
 * listing and a reactivation. Everywhere: Relink's rows inside the page's table (never its panel),
 * none under "Suspended", only on the first page, no account twice, and the keyboard focus kept
 * on a checkbox after toggling it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS, STRINGS } from '../sim/admin-app/strings';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';
import { chromiumUnderTest } from './chromium-driver';
import { until, type BrowserUnderTest, type PageUnderTest } from './driver';
import { firefoxUnderTest } from './firefox-driver';

const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
const ADMIN = 'https://admin.atlassian.com';
const PAGES = {
  org: `${ADMIN}/o/${TINY.orgId}/users`,
  site: `${ADMIN}/s/${CLOUD_ID}/users`,
  legacy: `${TINY.site}/admin/users`,
} as const;
type PageName = keyof typeof PAGES;
const MINE = 'table[data-testid="users-table--table"] > tbody[data-relink] > tr[data-relink-row]';
const rowOf = (name: string) => `tr[data-relink-row]:has(input[aria-label="Select ${name}"])`;
const DIALOG = 'relink-dialog >>> dialog';

/** Account ids the page and Relink each list, in the page's table. */
function accountsShown(): { page: string[]; relink: string[] } {
  const table = document.querySelector('table[data-testid="users-table--table"]');
  const page = Array.from(table?.querySelectorAll('tbody:not([data-relink]) a[href*="/users/"]') ?? []).map(
    (a) => /\/users\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1] ?? '',
  );
  const relink = Array.from(table?.querySelectorAll('tr[data-relink-row]') ?? []).map(
    (r) => r.getAttribute('data-relink-row')?.split('/')[1] ?? '',
  );
  return { page, relink };
}

describe.each([
  ['chromium', chromiumUnderTest],
  ['firefox', () => firefoxUnderTest()],
] as const)('Relink on the design-system admin pages in %s', (_name, launch) => {
  // Firefox cannot remap ports: the simulator listens on 443 for both browsers.
  const sim = useSimulator('tiny', { port: 443 });
  let browser: BrowserUnderTest | undefined;
  let page: PageUnderTest;

  async function signIn(origin: string, path: string) {
    await page.goto(`${origin}/login?continue=${encodeURIComponent(path)}`);
    await page.fill('input[name=email]', TINY.admin.email);
    await page.fill('input[name=password]', 'relink-demo');
    await page.click('#login-submit');
  }
  const relinkRows = () => page.count(MINE);
  async function open(name: PageName, query = '') {
    await page.goto(`${PAGES[name]}${query}`);
    await page.waitFor('table[data-testid="users-table--table"]', 20_000);
  }
  /** Hal and Rae (and, on the org's list, the other site's removed users), in the page's own table, and no panel. */
  async function expectRelinkRows() {
    const labels = await until(
      () => page.attributes(`${MINE} input[aria-label^="Select "]`, 'aria-label'),
      (found) => found.includes('Select Hal Hidden') && found.includes('Select Rae Removed'),
      15_000,
    );
    expect(new Set(labels).size).toBe(labels.length);
    expect(await page.count('relink-panel')).toBe(0);
    await expectNoAccountTwice();
  }
  async function expectNoAccountTwice() {
    const { page: listed, relink } = await page.evaluate(accountsShown, undefined);
    const all = [...listed, ...relink];
    expect(new Set(all).size).toBe(all.length);
  }
  /** Nothing of Relink's in the table, long enough for a render to have put it there. */
  async function expectNoRelinkRows() {
    await new Promise((r) => setTimeout(r, 700));
    await until(relinkRows, (n) => n === 0, 10_000);
  }

  beforeAll(async () => {
    browser = await launch(sim());
    page = await browser.newPage();
    await signIn(TINY.site, '/admin/users');
    await page.waitFor(MINE, 20_000);
    await signIn(ADMIN, `/o/${TINY.orgId}/users`);
    await page.waitFor(MINE, 20_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(Object.keys(PAGES) as PageName[])('the %s list', (name) => {
    it.each([
      ['as it comes', ''],
      ['with a selection column whose header is an empty <td>', '?sim=select'],
      ['with a search box in the top bar', '?sim=topsearch'],
      ['with other header wording', '?sim=wording'],
      ['paged by cursor', '?sim=cursor'],
      ['paged by numbers', '?sim=numbered'],
    ])('shows Relink’s rows in its own table, %s', async (_what, query) => {
      await open(name, query);
      await expectRelinkRows();
    });

    it('puts Relink’s checkbox in the selection column and keeps the keyboard focus on it after a toggle', async () => {
      await open(name, '?sim=select');
      await expectRelinkRows();
      const box = `${rowOf('Rae Removed')} > td:first-child > input[type=checkbox]`;
      await page.focus(box);
      await page.press('Space');
      await page.waitFor('button[data-relink-bulk]');
      const focused = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.getAttribute('aria-label') ?? null,
        undefined,
      );
      expect(focused).toBe('Select Rae Removed');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked, undefined)).toBe(true);
      await page.press('Space');
      await until(
        () => page.count('button[data-relink-bulk]'),
        (n) => n === 0,
      );
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null, undefined)).toBe(
        'Select Rae Removed',
      );
    });

    it('shows the rows in the table when the list finds nobody, not a panel', async () => {
      await open(name, '?sim=empty');
      await expectRelinkRows();
    });

    it('shows nothing while the list loads, and no panel either', async () => {
      await page.goto(`${PAGES[name]}?sim=loading`);
      await page.waitFor('table[inert]', 20_000);
      await new Promise((r) => setTimeout(r, 5500));
      expect(await page.count('[data-relink], relink-panel')).toBe(0);
    });

    it('hides the rows under "Suspended", and brings them back under the default', async () => {
      await open(name);
      await expectRelinkRows();
      if (name === 'org') {
        await page.click('[data-testid="filter-status--trigger"]');
        await page.click('[data-testid="filter-status-suspended"]');
        // A radio item leaves its menu open.
        await page.press('Escape');
      } else {
        await page.focus('#status-filter');
        await page.press('ArrowDown');
        await page.fill('#status-filter', STRINGS.en.suspended);
        await page.press('Enter');
      }
      await until(
        () => page.count('a[href*="/users/"]'),
        (n) => n === 1,
      );
      await expectNoRelinkRows();
      if (name === 'org') {
        await page.click('[data-testid="filter-status--trigger"]');
        await page.click('[data-testid="filter-status-any"]');
        await page.press('Escape');
      } else {
        await page.focus('#status-filter');
        await page.fill('#status-filter', STRINGS.en.active);
        await page.press('Enter');
      }
      await expectRelinkRows();
    });

    it('shows the rows on the first page only, by cursor and by numbers', async () => {
      await open(name, '?sim=cursor,per2');
      await expectRelinkRows();
      await page.click('[data-testid="users-next"]');
      await until(
        () => page.count('[data-testid="users-previous"]:not([disabled])'),
        (n) => n === 1,
      );
      await expectNoRelinkRows();
      await page.click('[data-testid="users-previous"]');
      await expectRelinkRows();

      await open(name, '?sim=numbered,per2');
      await expectRelinkRows();
      await page.click('[data-testid="users-pagination--right-navigator"]');
      await expectNoRelinkRows();
      await page.click('[data-testid="users-pagination--left-navigator"]');
      await expectRelinkRows();
    });
  });

  it('never repeats an account the org Directory lists itself', async () => {
    await open('org', '?sim=listed');
    await until(
      () => page.count(`a[href*="/users/${TINY.ids.rae}"]`),
      (n) => n === 1,
      15_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await relinkRows()).toBe(0);
    await expectNoAccountTwice();
  });

  describe.each(LANGS.map((lang, i) => [lang, (['org', 'site', 'legacy'] as const)[i % 3]!] as const))(
    'in %s, on the %s list',
    (lang, name) => {
      it('lists the removed users and reactivates one', async () => {
        await open(name, `?lang=${lang}`);
        await page.waitFor(`html[lang="${lang}"]`);
        await expectRelinkRows();
        await page.click(`${rowOf('Rae Removed')} button[aria-label="Reactivate Rae Removed"]`);
        // What the records propose, to confirm; or, where they no longer tell, the products to choose first.
        await page.waitFor(`${DIALOG} >>> button[data-relink-confirm], input[aria-label="Jira Software"]`, 15_000);
        if (!(await page.count(`${DIALOG} >>> button[data-relink-confirm]`))) {
          await page.check(`${DIALOG} >>> input[aria-label="Jira Software"]`);
          await page.click(`${DIALOG} >>> button[type=submit]`);
          await page.waitFor(`${DIALOG} >>> button[data-relink-confirm]`, 15_000);
        }
        await page.click(`${DIALOG} >>> button[data-relink-confirm]`);
        const status = await until(
          () => page.text(`${rowOf('Rae Removed')} [data-relink-status]`),
          (t) => /^Back on|^Not done|^Partly/.test(t ?? ''),
          20_000,
        );
        expect(status).toMatch(/^Back on tiny\.atlassian\.net/);
        await page.screenshot(`admin-${name}-${lang}`);
        // Removed again, as an admin would, for the next language.
        await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.rae}/remove`, {
          method: 'POST',
        });
      });
    },
  );
});
