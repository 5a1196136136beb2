/**
 * Issue 13, end to end in Chromium: a user removed by a script long before Relink was installed
 * (Rae, in the simulator's Jira audit log since Mar 4, 2026) comes back with the groups and
 * products she had after one click and one confirmation; the row says who removed her and when,
 * the dialog where each product and group comes from. Atlassian's records are read once per site,
 * not per user. An account Atlassian will only take by invite gets the page's own invite, the
 * address copied. Results checked in the simulator's ground truth.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type ExtensionBrowser } from '../support/chromium';
import { openTinyUserList, relinkDialog, relinkRow, siteUserTruth } from '../support/tiny-admin-page';
import { TINY, useSimulator } from '../support/with-sim';

describe('a user removed before Relink was installed', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  const truth = (accountId: string) => siteUserTruth(sim(), accountId);
  const row = (name: string) => relinkRow(page, name);
  const dialog = () => relinkDialog(page);
  /** The text of the choice whose checkbox has this name: "team-alpha — Jira audit log, Mar 4, 2026". */
  const choiceText = (name: string) =>
    dialog()
      .locator('label')
      .filter({ has: page.getByRole('checkbox', { name, exact: true }) })
      .textContent();
  const auditReads = () => sim().state.requests.filter((r) => r.path === '/rest/api/3/auditing/record');

  beforeAll(async () => {
    ({ browser, page } = await openTinyUserList(sim()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('says on the row who removed her and when, from the Jira audit log', async () => {
    const lozenge = row('Rae Removed').getByText('Removed from site', { exact: true });
    await expect
      .poll(() => lozenge.getAttribute('title'), { timeout: 10_000 })
      .toMatch(/^Removed from tiny\.atlassian\.net on Mar 4, 2026 by Automation for Jira \(REST API\)\. /);
    // The same words for keyboard and screen-reader users: the lozenge is focusable and described by them.
    await lozenge.focus();
    const described = await lozenge.getAttribute('aria-describedby');
    expect(await row('Rae Removed').locator(`[id="${described}"]`).textContent()).toContain(
      'Removed from tiny.atlassian.net on Mar 4, 2026 by Automation for Jira (REST API)',
    );
    // Read once for the site and both its hidden users, not once per user.
    expect(auditReads()).toHaveLength(1);
  });

  it('brings her back with the groups and products she had: one click, one confirmation', async () => {
    expect(await truth(TINY.ids.rae)).toMatchObject({ membership: { status: 'removed', products: [] }, groups: [] });
    await row('Rae Removed').getByRole('button', { name: 'Reactivate Rae Removed' }).click();
    await dialog().getByText('Re-add to tiny.atlassian.net with jira-software').waitFor();
    // Preselected, each with its source.
    const software = dialog().getByRole('checkbox', { name: 'Jira Software' });
    expect(await software.isChecked()).toBe(true);
    expect(await choiceText('Jira Software')).toBe(' Jira Software — Jira audit log, Mar 4, 2026');
    for (const group of ['jira-software-users', 'team-alpha']) {
      const box = dialog().getByRole('checkbox', { name: `Give back ${group}` });
      expect(await box.isChecked()).toBe(true);
      expect(await choiceText(`Give back ${group}`)).toBe(` ${group} — Jira audit log, Mar 4, 2026`);
    }
    expect(await dialog().getByText('Removed by Automation for Jira (REST API)').count()).toBe(1);
    await screenshot(page, 'removed-long-ago-confirm');

    // Changeable: unticking a group re-plans without it; ticking it again brings it back.
    await dialog().getByRole('checkbox', { name: 'Give back team-alpha' }).uncheck();
    await expect.poll(() => dialog().getByText('Add to group team-alpha').count()).toBe(0);
    await dialog().getByRole('checkbox', { name: 'Give back team-alpha' }).check();
    await dialog().getByText('Add to group team-alpha').waitFor();

    await dialog().getByRole('button', { name: 'Reactivate' }).click();
    await expect
      .poll(() => row('Rae Removed').getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('Back on tiny.atlassian.net with 2 groups. Reload the list to see them in place.');
    expect(await truth(TINY.ids.rae)).toMatchObject({
      membership: { status: 'active', products: ['jira-software'] },
      groups: ['jira-software-users', 'team-alpha'],
    });
    await screenshot(page, 'removed-long-ago-done');
    // Four plans and a run later, still that one read: plans use the records kept by the scan.
    expect(auditReads()).toHaveLength(1);
  });

  it('offers Atlassian’s own invite, the address copied, when Atlassian will not re-add an account', async () => {
    sim().state.setFaults({ reAdd: 'exists-without-access' });
    await browser!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: TINY.site });
    await row('Hal Hidden').getByRole('button', { name: 'Reactivate Hal Hidden' }).click();
    // Nothing records Hal: Relink asks for what no source gives, and says which sources were silent.
    await dialog().getByLabel('Email address of Hal Hidden').fill('hal@tiny.example.com');
    await dialog().getByRole('button', { name: 'Continue' }).click();
    await dialog().getByText('Relink does not know which products Hal Hidden had').waitFor();
    expect(await dialog().getByText('has no record of Hal Hidden').count()).toBe(1);
    await dialog().getByRole('checkbox', { name: 'Jira Software' }).check();
    await dialog().getByRole('button', { name: 'Continue' }).click();
    await dialog().getByRole('button', { name: 'Reactivate' }).click();
    await expect
      .poll(() => row('Hal Hidden').getByRole('status').first().textContent(), { timeout: 15_000 })
      .toContain('has an Atlassian account but no access it will give back through the API');
    await row('Hal Hidden').getByRole('button', { name: 'Invite with Atlassian' }).click();
    await page.getByRole('dialog', { name: 'Invite users' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('hal@tiny.example.com');
    await screenshot(page, 'removed-long-ago-invite');
    expect((await truth(TINY.ids.hal)).membership.status).toBe('removed');
    sim().state.setFaults({});
  });
});
