/**
 * What an admin does from the user list: reactivate (what the records say the user had, preselected;
 * asked for a hidden email and, where no source tells, the products),
 * edit groups (including the external-user-management refusal), bulk, and the fallback panel
 * when the page's markup changed. Results checked in the simulator's state. Screenshots saved.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type ExtensionBrowser } from '../support/chromium';
import { simRequest } from '../support/sim-http';
import { openTinyUserList, relinkDialog, relinkRow, siteUserTruth } from '../support/tiny-admin-page';
import { TINY, useSimulator } from '../support/with-sim';

describe('acting on hidden users from the admin page', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  const truth = (accountId: string, host?: string) => siteUserTruth(sim(), accountId, host);
  const row = (name: string) => relinkRow(page, name);
  const dialog = () => relinkDialog(page);

  beforeAll(async () => {
    ({ browser, page } = await openTinyUserList(sim()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reactivates a removed user in one flow: what the records say they had, preselected; confirm; result in the row', async () => {
    await row('Rae Removed').getByRole('button', { name: 'Reactivate Rae Removed' }).click();
    await dialog().getByText('Re-add to tiny.atlassian.net with jira-software').waitFor();
    expect(await dialog().getByRole('checkbox', { name: 'Jira Software' }).isChecked()).toBe(true);
    expect(await dialog().getByRole('checkbox', { name: 'Give back team-alpha' }).isChecked()).toBe(true);
    await screenshot(page, 'reactivate-plan');
    await dialog().getByRole('button', { name: 'Reactivate' }).click();
    await expect
      .poll(() => row('Rae Removed').getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('Back on tiny.atlassian.net with 2 groups. Reload the list to see them in place.');
    expect(await row('Rae Removed').getByText('Active', { exact: true }).count()).toBe(1);
    expect(await truth(TINY.ids.rae)).toMatchObject({
      membership: { status: 'active', products: ['jira-software'] },
      groups: ['jira-software-users', 'team-alpha'],
    });
    await screenshot(page, 'reactivate-done');
  });

  it('changes the groups of the user it brought back, from the same row', async () => {
    await row('Rae Removed').getByRole('button', { name: 'Groups of Rae Removed' }).click();
    await dialog().getByRole('button', { name: 'Remove from team-alpha' }).click();
    await expect.poll(() => dialog().getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: Rae Removed.');
    await dialog().getByLabel('Group to add').selectOption({ label: 'team-alpha' });
    await dialog().getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dialog().getByRole('status').textContent(), { timeout: 10_000 }).toBe('Done: Rae Removed.');
    await dialog().getByRole('button', { name: 'Remove from team-alpha' }).waitFor();
    await screenshot(page, 'groups-editor');
    await dialog().getByRole('button', { name: 'Close' }).click();
    expect((await truth(TINY.ids.rae)).groups).toEqual(['jira-software-users', 'team-alpha']);
  });

  it('asks for an email the user’s profile hides, and never guesses it', async () => {
    await row('Hal Hidden').getByRole('button', { name: 'Reactivate Hal Hidden' }).click();
    await dialog().getByText('Atlassian hides Hal Hidden’s email address').waitFor();
    await dialog().getByLabel('Email address of Hal Hidden').fill('hal@tiny.example.com');
    await screenshot(page, 'reactivate-email');
    await dialog().getByRole('button', { name: 'Continue' }).click();
    await dialog().getByRole('checkbox', { name: 'Jira Software' }).check();
    await dialog().getByRole('button', { name: 'Continue' }).click();
    await dialog().getByRole('button', { name: 'Reactivate' }).click();
    await expect
      .poll(() => row('Hal Hidden').getByRole('status').textContent(), { timeout: 10_000 })
      .toMatch(/^Back on tiny\.atlassian\.net/);
    expect((await truth(TINY.ids.hal)).membership.status).toBe('active');
  });

  it('edits groups, and explains external user management in place', async () => {
    await page.goto('https://tinyext.atlassian.net/login?continue=%2Fadmin%2Fusers');
    await page.getByLabel('Email').fill(TINY.admin.email);
    await page.getByLabel('Password').fill('relink-demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await row('Eve External').waitFor({ timeout: 10_000 });
    await row('Eve External').getByRole('button', { name: 'Groups of Eve External' }).click();
    await dialog().getByText('None: removal from the site took them all.').waitFor();
    await dialog().getByLabel('Group to add').selectOption({ label: 'site-admins' });
    await dialog().getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => dialog().getByRole('status').textContent()).toContain('Reactivate them first');
    await dialog().getByRole('button', { name: 'Close' }).click();

    // Back on the site, a group edit meets the external directory.
    await simRequest(sim(), `https://tinyext.atlassian.net/rest/api/3/user`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-atlassian-token': 'no-check',
        authorization: `Basic ${Buffer.from(`${TINY.admin.email}:${TINY.admin.token}`).toString('base64')}`,
      },
      body: { emailAddress: 'eve@tiny.example.com', products: ['jira-software'] },
    });
    await row('Eve External').getByRole('button', { name: 'Groups of Eve External' }).click();
    await dialog().getByText('jira-software-users').first().waitFor();
    await dialog().getByLabel('Group to add').selectOption({ label: 'site-admins' });
    await dialog().getByRole('button', { name: 'Add', exact: true }).click();
    await expect
      .poll(() => dialog().getByRole('status').textContent(), { timeout: 10_000 })
      .toContain('managed by an external directory');
    await screenshot(page, 'groups-external-um');
    await dialog().getByRole('button', { name: 'Close' }).click();
  });

  it('reactivates selected users in bulk with a result per user', async () => {
    for (const id of [TINY.ids.rae, TINY.ids.hal])
      await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${id}/remove`, {
        method: 'POST',
      });
    await page.goto(`${TINY.site}/admin/users`);
    await row('Rae Removed').waitFor({ timeout: 10_000 });
    await page.getByRole('checkbox', { name: 'Select the removed users shown' }).check();
    await page.getByRole('button', { name: 'Reactivate selected (2)' }).click();
    await dialog().getByRole('button', { name: 'Reactivate 2' }).click();
    await expect
      .poll(() => row('Rae Removed').getByRole('status').textContent(), { timeout: 20_000 })
      .toMatch(/^Done: Rae Removed/);
    await expect.poll(() => row('Hal Hidden').getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/email/);
    await screenshot(page, 'bulk-results');
    expect((await truth(TINY.ids.rae)).membership.status).toBe('active');
    expect((await truth(TINY.ids.hal)).membership.status).toBe('removed');
  });

  it('falls back to its own panel when the page’s markup changed', async () => {
    sim().state.setFaults({ adminMarkup: 'grid' });
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(`${TINY.site}/admin/users`);
    const panel = page.locator('relink-panel');
    await panel.getByRole('checkbox', { name: 'Select Hal Hidden' }).waitFor({ timeout: 15_000 });
    expect(warnings.some((w) => w.includes('[Relink] No user list found: showing Relink’s panel.'))).toBe(true);
    await screenshot(page, 'fallback-panel');
    sim().state.setFaults({});
  });
});
