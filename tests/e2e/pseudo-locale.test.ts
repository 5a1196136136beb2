/**
 * The pseudo-locale pass: the build whose every message is accented, ~40 % longer and bracketed
 * (`npm run build:pseudo`, scripts/pseudo-locale.ts) in Chromium, over the popup and the options
 * page in the states a session shows, and over Relink's rows, Reactivate dialog and Groups dialog on
 * an admin page (only Relink's own elements there: the page's words are Atlassian's; the dialogs are
 * in closed shadow roots, seen from a world of their own). Any visible word without pseudo accents was never a message
 * (hard-coded); text past the page's edge or a clipping box is cut; lines drawn over each other
 * overlap. Data is marked as such in the markup (translate="no": hosts, names, ids, the field
 * report) or is an English report line (lang="en"), and is not checked.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { layoutProblems, openOptions, openPopup, visibleTexts } from '../support/extension-pages';
import { TINY, useSimulator } from '../support/with-sim';

const PSEUDO_BUILD = resolve('.output/chrome-mv3-pseudo');

/** What is data, not words, and so never a message. */
const DATA = ['[translate=no]', 'body [lang]:not([data-relink], relink-dialog, relink-panel)'];

/** Pseudo text has accented Latin letters; a text with plain letters and none of them was never a message. */
const PSEUDO = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const hardCoded = async (page: Page, where: { closedShadowRoots?: boolean; within?: string[] } = {}) =>
  (await visibleTexts(page, DATA, where)).filter(({ text }) => !PSEUDO.test(text) && /[A-Za-z]/.test(text));

describe('the pseudo-locale build', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let site: Page;

  beforeAll(async () => {
    if (!existsSync(resolve(PSEUDO_BUILD, 'manifest.json')))
      throw new Error(`No pseudo-locale build in ${PSEUDO_BUILD}: run \`npm run build:pseudo\` first (npm test does).`);
    browser = await launchWithExtension(sim(), { extensionDir: PSEUDO_BUILD });
    site = await browser.context.newPage();
    await signIn(site, TINY.site, '/admin/users', TINY.admin.email);
    await site.locator('tr[data-relink-row]').first().waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the popup in pseudo text only, nothing cut or overlapping, at the popup’s width', async () => {
    const popup = await openPopup(browser!, 'https://tiny.atlassian.net/*');
    await popup.setViewportSize({ width: 384, height: 800 });
    await popup.getByTestId('hidden-count').waitFor();
    await popup.getByTestId('page-check').waitFor();
    await screenshot(popup, 'pseudo-popup');
    expect(await hardCoded(popup)).toEqual([]);
    expect(await layoutProblems(popup)).toEqual([]);
    await popup.close();
  });

  it('shows the options page in pseudo text only, nothing cut or overlapping, with a check, a refusal and a field check shown', async () => {
    const options = await openOptions(browser!);
    await options.setViewportSize({ width: 800, height: 900 });
    await options.locator('#auth-heading').waitFor();
    expect(await hardCoded(options)).toEqual([]);

    // A sign-in check (words around data), a site Relink refuses (the background is not asked), a field check.
    await options.locator('section[aria-labelledby=auth-heading] button[type=button]').click();
    await expect.poll(() => options.getByTestId('auth-status').textContent()).toMatch(/Tia Admin/);
    const sites = options.locator('section[aria-labelledby=sites-heading]');
    await sites.locator('input').fill('not a site!');
    await sites.locator('button[type=submit]').click();
    await expect.poll(() => options.getByTestId('sites-status').textContent()).toMatch(/not a site!/);
    await options.locator('section[aria-labelledby=field-check-heading] button').first().click();
    await options.locator('table[aria-label]').first().waitFor({ timeout: 20_000 });
    await screenshot(options, 'pseudo-options');
    expect(await hardCoded(options)).toEqual([]);
    expect(await layoutProblems(options)).toEqual([]);
    await options.close();
  });

  describe('on the admin page', () => {
    const rae = () => site.locator('tr[data-relink-row]', { hasText: 'Rae Removed' });
    const rows = { closedShadowRoots: true, within: ['tbody[data-relink]'] };
    const dialog = { closedShadowRoots: true, within: ['relink-dialog'] };

    it('shows Relink’s rows in pseudo text only, nothing cut or overlapping', async () => {
      await expect.poll(() => site.locator('tbody[data-relink] tr').first().textContent()).toMatch(PSEUDO);
      await screenshot(site, 'pseudo-rows');
      expect(await hardCoded(site, rows)).toEqual([]);
      expect(await layoutProblems(site, rows)).toEqual([]);
    });

    it('shows the Reactivate dialog in pseudo text only, nothing cut or overlapping', async () => {
      await rae().locator('button').first().click();
      await site.locator('relink-dialog dialog ol li').first().waitFor();
      await screenshot(site, 'pseudo-reactivate');
      expect(await hardCoded(site, dialog)).toEqual([]);
      expect(await layoutProblems(site, dialog)).toEqual([]);
      await site.keyboard.press('Escape');
      await site.locator('relink-dialog').waitFor({ state: 'detached' });
    });

    it('shows the Groups dialog in pseudo text only, nothing cut or overlapping', async () => {
      await rae().locator('button').nth(1).click();
      await site.locator('relink-dialog dialog select').waitFor();
      await screenshot(site, 'pseudo-groups');
      expect(await hardCoded(site, dialog)).toEqual([]);
      expect(await layoutProblems(site, dialog)).toEqual([]);
      await site.keyboard.press('Escape');
      await site.locator('relink-dialog').waitFor({ state: 'detached' });
    });

    it('shows the bulk dialog in pseudo text only, nothing cut or overlapping', async () => {
      await site.locator('tbody[data-relink] tr[data-relink-header] input[type=checkbox]').check();
      await site.locator('button[data-relink-bulk]').click();
      await site.locator('relink-dialog dialog li').first().waitFor();
      await screenshot(site, 'pseudo-bulk');
      expect(await hardCoded(site, dialog)).toEqual([]);
      expect(await layoutProblems(site, dialog)).toEqual([]);
      await site.keyboard.press('Escape');
      await site.locator('relink-dialog').waitFor({ state: 'detached' });
    });

    it('shows the fallback panel in pseudo text only, nothing cut or overlapping', async () => {
      sim().state.setFaults({ adminMarkup: 'grid' });
      try {
        await site.goto(`${TINY.site}/admin/users`);
        await site.locator('relink-panel tr[data-relink-row]').first().waitFor({ timeout: 15_000 });
        const panel = { closedShadowRoots: true, within: ['relink-panel'] };
        await screenshot(site, 'pseudo-panel');
        expect(await hardCoded(site, panel)).toEqual([]);
        expect(await layoutProblems(site, panel)).toEqual([]);
      } finally {
        sim().state.setFaults({});
      }
    });
  });
});
