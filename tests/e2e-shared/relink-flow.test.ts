/**
 * One test body, two browsers: Relink's production build in Chromium and in Firefox, against the
 * simulator at the real hostnames — the three admin pages, hidden rows, reactivation through
 * XSRF-safe writes, a group change, the external-user-management explanation, the popup's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';
import { chromiumUnderTest } from './chromium-driver';
import { until, type BrowserUnderTest, type PageUnderTest } from './driver';
import { firefoxUnderTest } from './firefox-driver';

const CLOUD_ID = '11111111-2222-4333-8444-555555555555';
const rowOf = (name: string) => `tr[data-relink-row]:has(input[aria-label="Select ${name}"])`;
const DIALOG = 'relink-dialog >>> dialog';

describe.each([
  ['chromium', chromiumUnderTest],
  ['firefox', () => firefoxUnderTest()],
] as const)('Relink in %s', (_name, launch) => {
  // Firefox cannot remap ports: the simulator listens on 443 for both browsers.
  const sim = useSimulator('tiny', { port: 443 });
  let browser: BrowserUnderTest | undefined;
  let page: PageUnderTest;
  const truth = async (accountId: string, host = 'tiny.atlassian.net') =>
    (await simRequest(sim(), `${sim().controlUrl}/__sim/sites/${host}/users/${accountId}`)).json() as {
      membership: { status: string };
      groups: string[];
    };

  async function signIn(origin: string, path: string) {
    await page.goto(`${origin}/login?continue=${encodeURIComponent(path)}`);
    await page.fill('input[name=email]', TINY.admin.email);
    await page.fill('input[name=password]', 'relink-demo');
    await page.click('#login-submit');
  }

  beforeAll(async () => {
    browser = await launch(sim());
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the removed-but-alive users, and only them, in the legacy user list', async () => {
    await signIn(TINY.site, '/admin/users');
    await page.waitFor('tr[data-relink-row]', 20_000);
    expect(await page.attributes('tr[data-relink-row] input[type=checkbox]', 'aria-label')).toEqual([
      'Select Hal Hidden',
      'Select Rae Removed',
    ]);
    await page.screenshot('legacy-users');
  });

  it('reactivates a removed user through XSRF-safe writes', async () => {
    await page.click(`${rowOf('Rae Removed')} button[aria-label="Reactivate Rae Removed"]`);
    // Her products and groups come from the Jira audit log, preselected: one confirmation.
    await page.waitFor(`${DIALOG} >>> input[aria-label="Give back team-alpha"]`);
    await page.click(`${DIALOG} >>> button[data-relink-confirm]`);
    const status = await until(
      () => page.text(`${rowOf('Rae Removed')} [data-relink-status]`),
      (t) => /^Back on|^Not done|^Partly/.test(t ?? ''),
      15_000,
    );
    expect(status).toBe('Back on tiny.atlassian.net with 2 groups. Reload the list to see them in place.');
    expect((await truth(TINY.ids.rae)).membership.status).toBe('active');
    const writes = sim().state.requests.filter((r) => r.method === 'POST' && r.path === '/rest/api/3/user');
    expect(writes.at(-1)).toMatchObject({ status: 201, origin: TINY.site });
  });

  it('changes a group from the row', async () => {
    await page.click(`${rowOf('Rae Removed')} button[aria-label="Groups of Rae Removed"]`);
    await page.waitFor(`${DIALOG} >>> select[aria-label="Group to add"]`);
    await page.selectByLabel(`${DIALOG} >>> select[aria-label="Group to add"]`, 'jira-servicemanagement-users');
    await page.click(`${DIALOG} >>> button[data-relink-add]`);
    await until(
      () => page.text(`${DIALOG} >>> p[role=status]`),
      (t) => t === 'Done: Rae Removed.',
      15_000,
    );
    await page.click(`${DIALOG} >>> button[data-relink-close]`);
    expect((await truth(TINY.ids.rae)).groups).toContain('jira-servicemanagement-users');
  });

  it('explains external user management in place', async () => {
    await simRequest(sim(), 'https://tinyext.atlassian.net/rest/api/3/user', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-atlassian-token': 'no-check',
        authorization: `Basic ${Buffer.from(`${TINY.admin.email}:${TINY.admin.token}`).toString('base64')}`,
      },
      body: { emailAddress: 'eve@tiny.example.com', products: ['jira-software'] },
    });
    await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tinyext.atlassian.net/users/${TINY.ids.eve}/remove`, {
      method: 'POST',
    });
    await signIn('https://tinyext.atlassian.net', '/admin/users');
    await page.waitFor(rowOf('Eve External'), 20_000);
    await page.click(`${rowOf('Eve External')} button[aria-label="Reactivate Eve External"]`);
    // The site's only product, and the group the audit log saw her lose: preselected.
    await page.waitFor(`${DIALOG} >>> button[data-relink-confirm]`);
    await page.click(`${DIALOG} >>> button[data-relink-confirm]`);
    await until(
      () => page.text(`${rowOf('Eve External')} [data-relink-status]`),
      (t) => /^Back on/.test(t ?? ''),
      15_000,
    );
    await page.click(`${rowOf('Eve External')} button[aria-label="Groups of Eve External"]`);
    await page.waitFor(`${DIALOG} >>> select[aria-label="Group to add"]`);
    await page.selectByLabel(`${DIALOG} >>> select[aria-label="Group to add"]`, 'site-admins');
    await page.click(`${DIALOG} >>> button[data-relink-add]`);
    const said = await until(
      () => page.text(`${DIALOG} >>> p[role=status]`),
      (t) => /external directory/.test(t ?? ''),
      15_000,
    );
    expect(said).toContain('Groups on tinyext.atlassian.net are managed by an external directory');
    await page.screenshot('external-um');
    await page.click(`${DIALOG} >>> button[data-relink-close]`);
  });

  it('shows the hidden users on both admin.atlassian.com user lists', async () => {
    await signIn('https://admin.atlassian.com', `/o/${TINY.orgId}/users`);
    await page.waitFor('tr[data-relink-row]', 20_000);
    expect(await page.attributes('tr[data-relink-row] input[type=checkbox]', 'aria-label')).toEqual(
      expect.arrayContaining(['Select Hal Hidden']),
    );
    await page.goto(`https://admin.atlassian.com/s/${CLOUD_ID}/users`);
    await page.waitFor(rowOf('Hal Hidden'), 20_000);
  });

  it('gives the popup the count for the site', async () => {
    const reply = await browser!.sendFromPopup({ type: 'status/get', tabUrl: `${TINY.site}/jira/your-work` });
    expect(reply).toMatchObject({ ok: true, value: { tabSites: [{ host: 'tiny.atlassian.net', hiddenCount: 1 }] } });
    // The popup's page is gone again, and the admin page is the tab in front.
    expect(await page.evaluate(() => document.visibilityState, undefined)).toBe('visible');
  });
});
