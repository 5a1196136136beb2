/**
 * The `tiny` site's user list in Chromium with Relink, as the in-page e2e tests use it: signed in
 * as its admin, Relink's rows shown; a user's row and the open dialog by role; and what the
 * simulator says of a user (the ground truth a test checks an action against).
 */
import type { Page } from 'playwright-core';
import type { Simulator } from '../sim/server';
import { launchWithExtension, signIn, type ExtensionBrowser } from './chromium';
import { simRequest } from './sim-http';
import { TINY } from './with-sim';

export async function openTinyUserList(sim: Simulator): Promise<{ browser: ExtensionBrowser; page: Page }> {
  const browser = await launchWithExtension(sim);
  const page = await browser.context.newPage();
  await signIn(page, TINY.site, '/admin/users', TINY.admin.email);
  await relinkRow(page, 'Rae Removed').waitFor({ timeout: 10_000 });
  return { browser, page };
}

/** Relink's row of a user, by its checkbox's name. */
export const relinkRow = (page: Page, name: string) =>
  page.locator('tr[data-relink-row]', { has: page.getByRole('checkbox', { name: `Select ${name}` }) });

/** Relink's open dialog (in a closed shadow root, which the tests' locators may enter). */
export const relinkDialog = (page: Page) => page.locator('relink-dialog dialog');

interface SiteUserTruth {
  membership: { status: string; products: string[] };
  groups: string[];
}

/** The simulator's own record of a user on a site. */
export async function siteUserTruth(sim: Simulator, accountId: string, host = 'tiny.atlassian.net') {
  return (
    await simRequest(sim, `${sim.controlUrl}/__sim/sites/${host}/users/${accountId}`)
  ).json() as Promise<SiteUserTruth>;
}
