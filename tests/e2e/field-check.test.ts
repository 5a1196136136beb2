/**
 * The field check from Options in Chromium, against the simulator with the admin's browser session:
 * its table shows every check, and it writes nothing — the simulator's request log holds only GETs
 * and the simulated world is as it was.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { TINY, useSimulator } from '../support/with-sim';

describe('the field check in Options', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let options: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    await signIn(await browser.context.newPage(), TINY.site, '/jira/your-work', TINY.admin.email);
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // The site, in Relink's own list of sites (extension storage, not Atlassian).
    await options.getByLabel('Add a site').fill('tiny');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.getByRole('list', { name: 'Known sites' }).getByText('tiny.atlassian.net').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows its table for the site, and writes nothing', async () => {
    const world = () =>
      JSON.stringify(
        [...sim().state.world.sites.values()].map((s) => [
          [...s.memberships].map(([id, m]) => [id, m.status, [...m.products]]),
          s.groups.map((g) => [g.name, [...g.members]]),
        ]),
      );
    const before = world();
    sim().state.requests = [];

    await options.getByRole('button', { name: 'Run field check' }).click();
    const table = options.getByRole('table', { name: 'Field check' });
    await table.waitFor({ timeout: 20_000 });
    const rows = table.locator('tbody tr');
    expect(await rows.locator('td:first-child').allTextContents()).toEqual([
      'tenant-info',
      'myself',
      'mypermissions',
      'applicationrole',
      'users-search',
      'users-search-next',
      'group-bulk',
      'group-member',
      'user-groups',
      'audit-record',
    ]);
    expect(await rows.locator('td:nth-child(3)').allTextContents()).toEqual(Array.from({ length: 10 }, () => '200'));
    expect(await table.locator('tbody tr[data-outcome="failed"]').count()).toBe(0);
    expect(await options.getByTestId('field-report').textContent()).toContain('"format": "relink-field-check/1"');
    expect(await options.getByTestId('field-report').textContent()).not.toContain(TINY.admin.accountId);
    await screenshot(options, 'options-field-check');

    const sent = sim().state.requests;
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(new Set(sent.map((r) => r.host))).toEqual(new Set(['tiny.atlassian.net']));
    expect(world()).toBe(before);
  });
});
