/**
 * A replay of the org-key attack in real Chromium: the admin of Tiny Org saved Tiny Org's API key,
 * and opens the admin user list of evil.atlassian.net — a site anyone can own, here in another
 * organization, which has invited Tiny Org's suspended user Sue and suspended her there. The key is
 * for Tiny Org's sites only (utils/background/clients.ts, org-sites.ts): the evil site's scan must
 * not read Tiny Org's directory, and a reactivation plan for Sue asked from the evil page must not
 * restore her access in Tiny Org. On Tiny Org's own site the key still works, and its plans name
 * the real org.
 *
 * Two simulators, one per organization: evil.atlassian.net resolves to the other org's, every
 * other Atlassian host (api.atlassian.com too) to Tiny Org's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../sim/scenarios/schema';
import { signIn } from '../support/chromium';
import { launchTwoOrgs, type TwoOrgBrowser } from '../support/chromium-two-orgs';
import { contentScriptWorld } from '../support/content-script-world';
import { TINY, useSimulator } from '../support/with-sim';

const EVIL = 'evil.atlassian.net';
const OWN = 'tiny.atlassian.net';
const TINY_DIRECTORY = `/admin/v2/orgs/${TINY.orgId}/directories/`;

/** Another organization's site, with Tiny Org's admin as its site admin and Tiny Org's Sue suspended on it. */
function evilScenario(): ScenarioInput {
  const groups = { users: 'eeeeeeee-0000-4000-8000-000000000001', admins: 'eeeeeeee-0000-4000-8000-000000000002' };
  return {
    name: 'evil',
    org: {
      orgId: 'e7e7e7e7-1111-4222-8333-444444444444',
      name: 'Evil Org',
      directoryId: 'e7e7e7e7-5555-4666-8777-888888888888',
      apiKeys: ['sim-org-key-evil-0123456789abcdef'],
    },
    accounts: [
      { accountId: TINY.admin.accountId, displayName: 'Tia Admin', email: TINY.admin.email },
      { accountId: TINY.ids.sue, displayName: 'Sue Suspended', email: 'sue@tiny.example.com' },
      { accountId: TINY.ids.rae, displayName: 'Rae Removed', email: 'rae@tiny.example.com' },
    ],
    sites: [
      {
        name: 'evil',
        cloudId: 'e7e7e7e7-9999-4aaa-8bbb-cccccccccccc',
        products: [{ key: 'jira-software', seats: null, defaultGroups: ['jira-software-users'] }],
        groups: [
          { name: 'jira-software-users', groupId: groups.users, members: [TINY.admin.accountId, TINY.ids.sue] },
          { name: 'site-admins', groupId: groups.admins, members: [TINY.admin.accountId] },
        ],
        memberships: [
          { accountId: TINY.admin.accountId, status: 'active', products: ['jira-software'] },
          { accountId: TINY.ids.sue, status: 'suspended', products: ['jira-software'] },
          { accountId: TINY.ids.rae, status: 'removed' },
        ],
      },
    ],
    credentials: [
      {
        accountId: TINY.admin.accountId,
        email: TINY.admin.email,
        password: 'relink-demo',
        siteAdminOf: ['evil'],
        jiraAdminOf: ['evil'],
      },
    ],
  };
}

function evilScenarioFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'relink-evil-')), 'evil.json');
  writeFileSync(path, JSON.stringify(evilScenario()));
  return path;
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: string };
type Ext = { chrome: { runtime: { sendMessage(m: unknown): Promise<Envelope> } } };
type PlanReply = {
  plan: { kind: string; steps?: { step: { kind: string; orgId?: string }; call: string }[]; reason?: string };
};

describe('the org API key only for its own org’s sites', () => {
  const tinyOrg = useSimulator('tiny');
  const evilOrg = useSimulator(evilScenarioFile());
  let browser: TwoOrgBrowser | undefined;
  let options: Page;

  const ask = (message: object) =>
    options.evaluate((m) => (globalThis as unknown as Ext).chrome.runtime.sendMessage(m), message);
  const planFor = async (site: string, accountId: string) => {
    const reply = await ask({ type: 'user/plan', site, accountId });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
    return (reply as { value: PlanReply }).value.plan;
  };
  const directoryReads = () => tinyOrg().state.requests.filter((r) => r.path.startsWith(TINY_DIRECTORY));

  beforeAll(async () => {
    browser = await launchTwoOrgs(tinyOrg(), { [EVIL]: evilOrg() });
    const page = await browser.context.newPage();
    await signIn(page, TINY.site, '/admin/users', TINY.admin.email);
    await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 15_000 });
    // The admin saves Tiny Org's key in Options (api.atlassian.com is already granted: no prompt).
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Organization id').fill(TINY.orgId);
    await options.getByLabel('API key', { exact: true }).fill(TINY.orgKey);
    await options.getByRole('button', { name: 'Save sign-in' }).click();
    await options.getByTestId('auth-status').getByText('Saved.', { exact: true }).waitFor();
    expect(await ask({ type: 'auth/get' })).toMatchObject({ ok: true, value: { orgId: TINY.orgId, hasOrgKey: true } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('uses the key on a site its org owns, and the plan names the real org', async () => {
    tinyOrg().state.requests = [];
    const scanned = await ask({ type: 'site/scan', site: OWN, full: true });
    // Not vacuous: the key works where it belongs, so its absence below is the rule, not a failure.
    expect(scanned).toMatchObject({ ok: true, value: { host: OWN, strategy: 'org-directory' } });
    expect(directoryReads().length).toBeGreaterThan(0);

    const plan = await planFor(OWN, TINY.ids.sue);
    expect(plan.kind).toBe('plan');
    expect(plan.steps?.[0]?.step).toEqual({ kind: 'org-restore', orgId: TINY.orgId });
    expect(plan.steps?.[0]?.call).toBe(
      `POST https://api.atlassian.com/admin/v2/orgs/${TINY.orgId}/directories/-/users/${TINY.ids.sue}/restore`,
    );
    expect(JSON.stringify(plan)).not.toContain('{orgId}');
  });

  it('keeps the key away from a site of another org, however its admin page is opened', async () => {
    tinyOrg().state.requests = [];
    evilOrg().state.requests = [];
    const page = await browser!.context.newPage();
    await signIn(page, `https://${EVIL}`, '/admin/users', TINY.admin.email);
    // The evil page's content script started Relink's scan of the evil site: Rae is listed as hidden.
    await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 15_000 });
    await expect
      .poll(
        async () =>
          ((await ask({ type: 'site/scan-state', site: EVIL })) as { value: { status: string } | null }).value?.status,
      )
      .toBe('done');
    // Soft: on a build that hands the key to any site, a run shows every consequence at once.
    const scan = (await ask({ type: 'site/get', site: EVIL })) as { value: { strategy: string; hidden: unknown[] } };
    expect.soft(scan.value.strategy).not.toBe('org-directory');
    expect
      .soft(evilOrg().state.requests.some((r) => r.host === EVIL && r.path === '/rest/api/3/users/search'))
      .toBe(true);

    // The evil page asks, from Relink's own content script, for a plan to "reactivate" Sue.
    const world = await contentScriptWorld(page, browser!.extensionId);
    const fromPage = await world.evaluate<Envelope>(
      `chrome.runtime.sendMessage({ type: 'user/plan', site: '${EVIL}', accountId: '${TINY.ids.sue}' })`,
    );
    await world.detach();
    expect(fromPage.ok, JSON.stringify(fromPage)).toBe(true);
    const plan = (fromPage as { value: PlanReply }).value.plan;
    expect.soft(plan.kind).not.toBe('plan');
    expect.soft(JSON.stringify(plan)).not.toMatch(/org-restore|enable-account|api\.atlassian\.com/);
    expect.soft(await planFor(EVIL, TINY.ids.sue)).toMatchObject({ kind: 'refused' });

    // Nothing of this touched Tiny Org's directory: not the scan, not the plans.
    expect.soft(directoryReads()).toEqual([]);
    expect
      .soft(
        tinyOrg().state.requests.filter(
          (r) => r.method !== 'GET' && r.path !== `/admin/v2/orgs/${TINY.orgId}/workspaces`,
        ),
      )
      .toEqual([]);
    expect(tinyOrg().state.world.sites.get(OWN)!.memberships.get(TINY.ids.sue)?.status).toBe('suspended');
  });
});
