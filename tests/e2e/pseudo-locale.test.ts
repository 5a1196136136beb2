/**
 * The pseudo-locale pass: the build whose every message is accented, ~40 % longer and bracketed
 * (`npm run build:pseudo`, scripts/pseudo-locale.ts) in Chromium, over the popup and the options
 * page in the states a session shows. Any visible word without pseudo accents was never a message
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
const DATA = [
  '[translate=no]',
  'body [lang]',
  // [step 2] The page check's sentence is built in utils/page/page-check.ts (describeReport), with the
  // in-page words; it becomes messages with them. Remove this line then.
  '[data-testid=page-check-sentence]',
];

/** Pseudo text has accented Latin letters; a text with plain letters and none of them was never a message. */
const PSEUDO = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const hardCoded = async (page: Page, where: { closedShadowRoots?: boolean } = {}) =>
  (await visibleTexts(page, DATA, where)).filter(({ text }) => !PSEUDO.test(text) && /[A-Za-z]/.test(text));

describe('the pseudo-locale build', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    if (!existsSync(resolve(PSEUDO_BUILD, 'manifest.json')))
      throw new Error(`No pseudo-locale build in ${PSEUDO_BUILD}: run \`npm run build:pseudo\` first (npm test does).`);
    browser = await launchWithExtension(sim(), { extensionDir: PSEUDO_BUILD });
    const site = await browser.context.newPage();
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
});
