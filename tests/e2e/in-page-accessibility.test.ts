/**
 * Relink's in-page UI in Chromium for keyboard and screen-reader users: axe-core (WCAG 2.x A/AA and
 * best practices, colour contrast included) on the rows, the Reactivate dialog, the Groups dialog and
 * the fallback panel, in the light and the dark theme of the admin page, with no serious or critical
 * violation; a user reactivated and a group changed with the keyboard alone (Tab, Enter, Space,
 * letters, Escape: no click), the results read in the simulator's state; focus back on the button
 * that opened each dialog; and the row's status said in a live region that was there before.
 * The rows are in the page's light DOM; the dialogs and the panel in closed shadow roots, which axe
 * enters from a world of its own (tests/support/closed-shadow.ts). The audits are printed at the end
 * of `npm test` (tests/support/summary-reporter.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, runAxe } from '../support/axe';
import { screenshot, type ExtensionBrowser } from '../support/chromium';
import { tabTo } from '../support/extension-pages';
import { openTinyUserList, relinkDialog, relinkRow, siteUserTruth } from '../support/tiny-admin-page';
import { TINY, useSimulator } from '../support/with-sim';

const USERS = `${TINY.site}/admin/users`;

describe('Relink’s in-page UI, for keyboard and screen-reader users', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  const truth = (accountId: string) => siteUserTruth(sim(), accountId);
  const row = (name: string) => relinkRow(page, name);
  const dialog = () => relinkDialog(page);
  /** The label of what has focus in the page's own DOM (Relink's rows are there). */
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('aria-label') ?? el?.textContent ?? null;
    });
  const isFocused = (target: Locator) => target.evaluate((el) => el.matches(':focus'));

  /** Presses Tab until `target` (in a dialog's closed shadow root, where the page's world cannot look) has focus. */
  async function tabInDialogTo(target: Locator, max = 30): Promise<void> {
    await target.waitFor();
    for (let i = 0; i < max; i++) {
      if (await isFocused(target)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${String(target)} in the dialog.`);
  }

  beforeAll(async () => {
    ({ browser, page } = await openTinyUserList(sim()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    beforeAll(async () => {
      await page.goto(theme === 'dark' ? `${USERS}?colorMode=dark` : USERS);
      await row('Rae Removed').waitFor({ timeout: 10_000 });
    });

    it('the rows have no serious or critical axe violation', async ({ task }) => {
      const audit = await runAxe(page, `rows › ${theme}`, { include: ['tbody[data-relink]'], closedShadowRoots: true });
      task.meta.axe = [audit];
      expect(audit.passes).toBeGreaterThan(5);
      await screenshot(page, `a11y-rows-${theme}`);
      expect(blocking(audit)).toEqual([]);
    });

    it('the Reactivate dialog has no serious or critical axe violation', async ({ task }) => {
      await row('Rae Removed').getByRole('button', { name: 'Reactivate Rae Removed' }).click();
      await dialog().getByText('Re-add to tiny.atlassian.net with jira-software').waitFor();
      const audit = await runAxe(page, `reactivate dialog › ${theme}`, {
        include: ['relink-dialog'],
        closedShadowRoots: true,
      });
      task.meta.axe = [audit];
      expect(audit.passes).toBeGreaterThan(5);
      await screenshot(page, `a11y-reactivate-${theme}`);
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
      expect(blocking(audit)).toEqual([]);
    });

    it('the Groups dialog has no serious or critical axe violation', async ({ task }) => {
      await row('Hal Hidden').getByRole('button', { name: 'Groups of Hal Hidden' }).click();
      await dialog().getByLabel('Group to add').waitFor();
      const audit = await runAxe(page, `groups dialog › ${theme}`, {
        include: ['relink-dialog'],
        closedShadowRoots: true,
      });
      task.meta.axe = [audit];
      expect(audit.passes).toBeGreaterThan(5);
      await screenshot(page, `a11y-groups-${theme}`);
      await page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
      expect(blocking(audit)).toEqual([]);
    });

    it('the fallback panel has no serious or critical axe violation', async ({ task }) => {
      sim().state.setFaults({ adminMarkup: 'grid' });
      try {
        await page.goto(theme === 'dark' ? `${USERS}?colorMode=dark` : USERS);
        await page
          .locator('relink-panel')
          .getByRole('checkbox', { name: 'Select Hal Hidden' })
          .waitFor({ timeout: 15_000 });
        const audit = await runAxe(page, `fallback panel › ${theme}`, {
          include: ['relink-panel'],
          closedShadowRoots: true,
        });
        task.meta.axe = [audit];
        expect(audit.passes).toBeGreaterThan(5);
        await screenshot(page, `a11y-panel-${theme}`);
        expect(blocking(audit)).toEqual([]);
      } finally {
        sim().state.setFaults({});
      }
    });
  });

  it('reactivates a user and changes a group with the keyboard alone; focus goes back to the opener; the row says it in a live region', async ({
    task,
  }) => {
    await page.goto(USERS);
    await row('Rae Removed').waitFor({ timeout: 10_000 });
    // The row's live region is in the page before anything happens in it; every text it takes is kept.
    const status = row('Rae Removed').locator('[data-relink-status]');
    expect(await status.getAttribute('role')).toBe('status');
    await status.evaluate((el) => {
      el.setAttribute('data-present-before', '');
      const said: string[] = [];
      (window as unknown as { relinkSaid: string[] }).relinkSaid = said;
      new MutationObserver(() => said.push(el.textContent)).observe(el, { childList: true, characterData: true });
    });

    await tabTo(page, 'Reactivate Rae Removed', 200);
    await page.keyboard.press('Enter');
    const confirm = dialog().locator('button[data-relink-confirm]');
    await tabInDialogTo(confirm);
    // Where focus goes from here, in the page's DOM (in a dialog, focus shows as on its host, which has no label).
    await page.evaluate(() => {
      const moves: (string | null)[] = [];
      (window as unknown as { relinkFocus: (string | null)[] }).relinkFocus = moves;
      document.addEventListener('focusin', (e) => moves.push((e.target as Element).getAttribute('aria-label')));
    });
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toBe('Back on tiny.atlassian.net with 2 groups. Reload the list to see them in place.');
    expect(await status.evaluate((el) => el.hasAttribute('data-present-before'))).toBe(true);
    const said = await page.evaluate(() => (window as unknown as { relinkSaid: string[] }).relinkSaid);
    expect(said).toContain('Reactivating…');
    expect(said.at(-1)).toBe('Back on tiny.atlassian.net with 2 groups. Reload the list to see them in place.');
    expect(await truth(TINY.ids.rae)).toMatchObject({
      membership: { status: 'active' },
      groups: ['jira-software-users', 'team-alpha'],
    });
    // The row's lozenge now says Active (the success colour): its contrast too, in both themes.
    const finished = [];
    for (const mode of ['light', 'dark'] as const) {
      await page.evaluate((m) => (document.documentElement.dataset.colorMode = m), mode);
      finished.push(
        await runAxe(page, `row done › ${mode}`, { include: ['tbody[data-relink]'], closedShadowRoots: true }),
      );
    }
    task.meta.axe = finished;
    expect(finished.flatMap(blocking)).toEqual([]);

    // The dialog closed on confirm: focus went back to the button that opened it, in the row; once the user was
    // back on the site, that button went, and focus moved to the row's other one.
    const moves = await page.evaluate(() => (window as unknown as { relinkFocus: (string | null)[] }).relinkFocus);
    expect(moves.filter((m) => m !== null)).toEqual(['Reactivate Rae Removed', 'Groups of Rae Removed']);
    expect(await focused()).toBe('Groups of Rae Removed');

    // Groups: open with Space, take Rae out of team-alpha with Enter, put her back by typing the name, close with Escape.
    await page.keyboard.press('Space');
    const removeAlpha = dialog().getByRole('button', { name: 'Remove from team-alpha' });
    await tabInDialogTo(removeAlpha);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: Rae Removed.');
    expect((await truth(TINY.ids.rae)).groups).toEqual(['jira-software-users']);

    const select = dialog().getByLabel('Group to add');
    await tabInDialogTo(select);
    await page.keyboard.type('team-alpha');
    expect(await select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('team-alpha');
    await tabInDialogTo(dialog().getByRole('button', { name: 'Add', exact: true }));
    await page.keyboard.press('Space');
    await expect.poll(() => dialog().getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: Rae Removed.');
    await dialog().getByRole('button', { name: 'Remove from team-alpha' }).waitFor();
    expect((await truth(TINY.ids.rae)).groups).toEqual(['jira-software-users', 'team-alpha']);
    await screenshot(page, 'keyboard-groups');

    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await focused()).toBe('Groups of Rae Removed');
  });

  it('selects with Space and opens the bulk dialog with Enter; Escape gives focus back to the bulk button', async () => {
    await page.goto(USERS);
    await row('Hal Hidden').waitFor({ timeout: 10_000 });
    await tabTo(page, 'Select the removed users shown', 200);
    await page.keyboard.press('Space');
    // Rae is back on the site since the test above; Hal is left (with her, if run alone: 2).
    await tabTo(page, /^Reactivate selected \(\d\)$/);
    const opener = await focused();
    await page.keyboard.press('Enter');
    await dialog()
      .getByRole('heading', { name: /^Reactivate \d users? on tiny\.atlassian\.net$/ })
      .waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await focused()).toBe(opener);
    expect((await truth(TINY.ids.hal)).membership.status).toBe('removed');
  });
});
