/**
 * A hostile admin page's scripts against Relink's in-page UI, in real Chromium: they can find
 * Relink's row controls in the page's own table, but a script's clicks and events do nothing
 * (Relink acts on trusted events only), and Relink's dialogs and panel are closed shadow roots the
 * page cannot enter. Nothing the script does reaches the simulator. Playwright's own clicks are
 * real input, so the admin's flow still works (tests/e2e/in-page-actions.test.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../sim/http/state';
import { type ExtensionBrowser } from '../support/chromium';
import { openTinyUserList, relinkRow, siteUserTruth } from '../support/tiny-admin-page';
import { TINY, useSimulator } from '../support/with-sim';
import { driveRelinkFromThePage, probeOpenDialog } from '../e2e-shared/page-attack';

describe('a page script driving Relink’s in-page UI', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  const row = (name: string) => relinkRow(page, name);
  const membership = async (accountId: string) => (await siteUserTruth(sim(), accountId)).membership.status;
  /** Waits until Relink's own loading is over, then gives the log from that point. */
  async function quietLog(): Promise<() => LoggedRequest[]> {
    let count = -1;
    while (count !== sim().state.requests.length) {
      count = sim().state.requests.length;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return () => sim().state.requests.slice(count);
  }

  beforeAll(async () => {
    ({ browser, page } = await openTinyUserList(sim()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('cannot reactivate anyone: its clicks, events and form submissions are ignored', async () => {
    const since = await quietLog();
    const report = await page.evaluate(driveRelinkFromThePage, { name: 'Rae Removed', product: 'Jira Software' });

    // It found Relink's controls in its own table…
    expect(report.reached).toEqual(['row: Reactivate button', 'row: checkbox']);
    // …and got nothing out of them: no dialog, no selection, not one request.
    expect(await page.locator('relink-dialog').count()).toBe(0);
    // (It can set the checkbox's `checked`, its own DOM; Relink's selection did not follow.)
    expect(await page.locator('button[data-relink-bulk]').count()).toBe(0);
    expect(since()).toEqual([]);
    expect(await membership(TINY.ids.rae)).toBe('removed');
  });

  it('cannot see into or act in a dialog the admin opened', async () => {
    await row('Rae Removed').getByRole('button', { name: 'Reactivate Rae Removed' }).click();
    const dialog = page.locator('relink-dialog dialog');
    // The plan to confirm, or (where no record tells what she had) the products to choose.
    await dialog.locator('button[data-relink-confirm], input[aria-label="Jira Software"]').first().waitFor();
    const shown = await dialog.innerText();
    const since = await quietLog();

    expect(await page.evaluate(probeOpenDialog)).toEqual({
      host: true,
      shadowRoot: 'null',
      relinkControlsInDocument: 0,
      // Focus is in the dialog; the page sees only the host.
      activeElement: 'relink-dialog',
    });
    // The dialog is as the admin left it, and nothing was sent.
    expect(await dialog.innerText()).toBe(shown);
    expect(since()).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('relink-dialog').count()).toBe(0);
    expect(await membership(TINY.ids.rae)).toBe('removed');
  });

  it('finds Relink’s fallback panel closed too', async () => {
    sim().state.setFaults({ adminMarkup: 'grid' });
    await page.goto(`${TINY.site}/admin/users`);
    await page
      .locator('relink-panel')
      .getByRole('checkbox', { name: 'Select Hal Hidden' })
      .waitFor({ timeout: 15_000 });
    sim().state.setFaults({});
    const since = await quietLog();
    const seen = await page.evaluate(() => ({
      shadowRoot: document.querySelector('relink-panel')?.shadowRoot ?? null,
      relinkButtons: document.querySelectorAll('button[aria-label^="Reactivate"], input[aria-label^="Select"]').length,
    }));
    expect(seen).toEqual({ shadowRoot: null, relinkButtons: 0 });
    const report = await page.evaluate(driveRelinkFromThePage, { name: 'Hal Hidden', product: 'Jira Software' });
    expect(report.reached).toEqual([]);
    expect(since()).toEqual([]);
  });
});
