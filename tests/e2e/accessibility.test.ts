/**
 * The popup and options in Chromium for keyboard and screen-reader users: axe-core (WCAG 2.x A/AA
 * and best practices) in the light and the dark theme with no serious or critical violation (colour
 * contrast included), every action reached and done with the keyboard alone, focus shown and kept,
 * and each status change said in a live region that was in the page before it.
 * The audits are printed at the end of `npm test` (tests/support/summary-reporter.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocking, runAxe } from '../support/axe';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { layoutProblems, openOptions, openPopup, tabTo, visibleTexts } from '../support/extension-pages';
import { TINY, useSimulator } from '../support/with-sim';

const SITE_TABS = 'https://tiny.atlassian.net/*';
/** The toolbar popup's width: its body is at most 24rem. */
const POPUP_VIEWPORT = { width: 384, height: 640 };

/** Marks the live region now, to show later that the message went into the same node (not a new one). */
async function markLiveRegion(region: Locator, role: string): Promise<void> {
  expect(await region.getAttribute('role')).toBe(role);
  await region.evaluate((el) => el.setAttribute('data-present-before', ''));
}
const stillTheSameRegion = (region: Locator) => region.evaluate((el) => el.hasAttribute('data-present-before'));

describe('accessibility of the popup and options', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    const site = await browser.context.newPage();
    await signIn(site, TINY.site, '/admin/users', TINY.admin.email);
    await site.locator('tr[data-relink-row]').first().waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The options page with as much of it shown as a session shows: a check's sentence, a field check, its report. */
  async function optionsInUse(): Promise<Page> {
    const options = await openOptions(browser!);
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await expect.poll(() => options.getByTestId('auth-status').textContent()).toMatch(/^Signed in as/);
    await options.getByRole('button', { name: 'Run field check' }).click();
    await options.getByRole('table', { name: 'Field check' }).waitFor({ timeout: 20_000 });
    await options.locator('summary').click();
    return options;
  }

  describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
    it('the popup has no serious or critical axe violation', async ({ task }) => {
      const popup = await openPopup(browser!, SITE_TABS);
      await popup.setViewportSize(POPUP_VIEWPORT);
      await popup.emulateMedia({ colorScheme: theme });
      await popup.getByTestId('hidden-count').waitFor();
      await popup.getByTestId('page-check').waitFor();
      const audit = await runAxe(popup, `popup › ${theme}`);
      task.meta.axe = [audit];
      await screenshot(popup, `a11y-popup-${theme}`);
      expect(blocking(audit)).toEqual([]);
      await popup.close();
    });

    it('the options page has no serious or critical axe violation', async ({ task }) => {
      const options = await optionsInUse();
      await options.emulateMedia({ colorScheme: theme });
      const audit = await runAxe(options, `options › ${theme}`);
      task.meta.axe = [audit];
      await screenshot(options, `a11y-options-${theme}`);
      expect(blocking(audit)).toEqual([]);
      await options.close();
    });
  });

  it('audits closed shadow roots too, where Relink’s in-page UI lives (the page’s own world still cannot see them)', async () => {
    const options = await openOptions(browser!);
    await options.evaluate(() => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'closed' });
      root.innerHTML = '<p style="color:#ccc;background:#fff">faint words in a closed root</p>';
      document.body.append(host);
    });
    const audit = await runAxe(options, 'closed shadow root', { closedShadowRoots: true });
    expect(audit.violations.find((v) => v.id === 'color-contrast')?.nodes).toEqual(['div:nth-child(2) >>> p']);
    // The pseudo-locale pass's checks see into them the same way.
    const inRoot = (texts: { text: string }[]) => texts.some((t) => t.text === 'faint words in a closed root');
    expect(inRoot(await visibleTexts(options))).toBe(false);
    expect(inRoot(await visibleTexts(options, [], { closedShadowRoots: true }))).toBe(true);
    expect(await layoutProblems(options, { closedShadowRoots: true })).toEqual([]);
    expect(await options.evaluate(() => document.body.lastElementChild!.shadowRoot)).toBeNull();
    await options.close();
  });

  it('rescans from the popup with the keyboard alone: the scan is said as it goes, and focus stays on the button', async () => {
    const popup = await openPopup(browser!, SITE_TABS);
    const status = popup.locator('section.card [role=status]').first();
    await status.waitFor({ state: 'attached' });
    await markLiveRegion(status, 'status');
    const listed = () =>
      sim().state.requests.filter((r) => r.host === 'tiny.atlassian.net' && r.path === '/rest/api/3/users/search')
        .length;
    const before = listed();

    await tabTo(popup, 'Rescan');
    await popup.keyboard.press('Enter');
    await expect.poll(listed, { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Last scan just now');
    expect(await stillTheSameRegion(status)).toBe(true);
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Rescan');
    await popup.close();
  });

  it('saves an API token and checks the sign-in with the keyboard alone, each result said in a live region', async () => {
    const options = await openOptions(browser!);
    const status = options.getByTestId('auth-status');
    await status.waitFor({ state: 'attached' });
    await markLiveRegion(status, 'status');

    // The radio group takes one Tab; the arrow keys choose in it.
    await tabTo(options, 'Your browser session (nothing stored)');
    await options.keyboard.press('ArrowDown');
    expect(await options.getByLabel('An API token').isChecked()).toBe(true);
    await tabTo(options, 'Email');
    await options.keyboard.type(TINY.viewer.email);
    await tabTo(options, 'Token');
    await options.keyboard.type(TINY.viewer.token);
    await tabTo(options, 'tiny.atlassian.net');
    await options.keyboard.press('Space');
    await tabTo(options, 'Save sign-in');
    await options.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe('Saved.');
    expect(await stillTheSameRegion(status)).toBe(true);

    await tabTo(options, 'Check sign-in');
    await options.keyboard.press('Space');
    await expect
      .poll(() => status.textContent())
      .toBe('Signed in as Val Viewer on tiny.atlassian.net (API token) — site admin: no, Administer Jira: no.');
    expect(await stillTheSameRegion(status)).toBe(true);
    await options.close();
  });
});
