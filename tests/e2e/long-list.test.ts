/**
 * A site with hundreds of removed users: Relink renders them fifty at a time behind “Show more”
 * (keyboard focus stays on it), the page's search still finds any of them, and “select all” takes
 * only the rows the admin can see. Counts checked against the simulator's own world.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '../sim/scenarios/generate';
import { buildWorld } from '../sim/world/build';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { contentScriptWorld } from '../support/content-script-world';
import { useSimulator } from '../support/with-sim';

describe('a long list of removed users', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  let hiddenNames: string[] = [];
  const rows = () => page.locator('tbody[data-relink] tr[data-relink-row]');
  const more = () => page.locator('tr[data-relink-more-row]');
  const search = () => page.getByPlaceholder('Search by name or email');

  beforeAll(async () => {
    const data = generateScenario({
      name: 'long-list',
      seed: 7,
      sites: [{ name: 'many', users: 1500 }],
      share: { removed: 0.1, suspended: 0.02, deactivated: 0.02, former: 0, hiddenEmail: 0 },
      appsPerSite: 2,
      customersPerSite: 2,
      teamGroups: 4,
      products: ['jira-software'],
      seats: null,
    });
    const world = buildWorld(data);
    sim().state.world = world;
    const site = [...world.sites.values()][0]!;
    hiddenNames = [...site.memberships]
      .map(([id, m]) => ({ m, account: world.accounts.get(id)! }))
      .filter(
        ({ m, account }) =>
          m.status === 'removed' && account.status === 'active' && account.accountType === 'atlassian',
      )
      .map(({ account }) => account.displayName);
    const admin = world.credentials[0]!;
    browser = await launchWithExtension(sim());
    page = await browser.context.newPage();
    await signIn(page, `https://${site.host}`, '/admin/users', admin.email, admin.password);
    await rows().first().waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('renders fifty, says how many there are, and shows fifty more on request with focus kept', async () => {
    expect(hiddenNames.length).toBeGreaterThan(120);
    await expect.poll(() => more().textContent(), { timeout: 60_000 }).toContain(`of ${hiddenNames.length}.`);
    expect(await rows().count()).toBe(50);
    expect(await more().textContent()).toContain('Showing 50 of');

    const button = more().getByRole('button', { name: 'Show more' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows().count()).toBe(100);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await more().scrollIntoViewIfNeeded();
    await screenshot(page, 'long-list-show-more');
  });

  it('finds a user past the rendered rows through the page’s own search', async () => {
    const names = await rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('bdi')?.textContent ?? ''));
    const unseen = hiddenNames.find((n) => !names.includes(n) && hiddenNames.filter((m) => m === n).length === 1);
    expect(unseen, `a removed user not among the ${names.length} rendered`).toBeDefined();
    await search().fill(unseen!);
    await search().press('Enter');
    await expect
      .poll(() => rows().evaluateAll((trs) => trs.map((tr) => tr.querySelector('bdi')?.textContent)))
      .toContain(unseen);
    expect(await more().isHidden()).toBe(true);
    await search().fill('');
    await search().press('Enter');
    await expect.poll(() => rows().count()).toBe(50);
  });

  it('selects only the rows in sight with “select all”', async () => {
    await page.getByRole('checkbox', { name: 'Select the removed users shown' }).check();
    await expect(page.locator('[data-relink-bulk]').textContent()).resolves.toBe('Reactivate selected (50)');
    await page.getByRole('checkbox', { name: 'Select the removed users shown' }).uncheck();
    expect(await page.locator('[data-relink-bulk]').count()).toBe(0);
  });

  it('hands the page over to a newer copy of itself: one set of rows, never two', async () => {
    // As when Relink is updated or reloaded while the page stays open: the same script starts again
    // in Relink's world.
    const world = await contentScriptWorld(page, browser!.extensionId);
    await world.evaluate(readFileSync('.output/chrome-mv3/admin.js', 'utf8'));
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBe(50);
    await page.waitForTimeout(1000);
    expect(await page.locator('tbody[data-relink]').count()).toBe(1);
    expect(await rows().count()).toBe(50);
  });
});
