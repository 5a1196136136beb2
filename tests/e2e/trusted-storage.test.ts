/**
 * A replay of the storage attack in real Chromium: Relink's content script runs on admin pages
 * anyone can own (evil.atlassian.net), so its isolated world counts as hostile. From that world —
 * reached over CDP, with exactly the content script's privileges — the page tries to read the
 * saved API token and org key, and to plant a running bulk job and group snapshots for the
 * admin's real site. storage.local is closed to content scripts (utils/storage/protect.ts), so
 * every attempt is refused and the background, asked as the page would ask, sends no write.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, signIn, type ExtensionBrowser } from '../support/chromium';
import { contentScriptWorld, type ContentScriptWorld } from '../support/content-script-world';
import { TINY, useSimulator } from '../support/with-sim';

const HOST = 'tiny.atlassian.net';
const SITE_ADMINS = { groupId: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'site-admins' };

/** What a hostile page would plant: a running job re-adding Rae, and a snapshot "remembering" her as a site admin. */
const FORGED = {
  bulk: {
    id: 'forged-by-the-page',
    site: HOST,
    createdAt: new Date().toISOString(),
    state: 'running',
    products: ['jira-software'],
    items: [
      {
        accountId: TINY.ids.rae,
        displayName: 'Rae Removed',
        email: 'rae@tiny.example.com',
        status: 'pending',
        message: null,
      },
    ],
  },
  [`snapshots:${HOST}`]: { groups: [SITE_ADMINS], members: { [TINY.ids.rae]: [[0], '2026-01-01'] } },
};

type Outcome = { ok: true; value: string } | { ok: false; error: string };
/** Runs a storage call in the content script's world; a throw or a rejection is an `ok: false`. */
const attempt = (call: string) =>
  `(async () => { try { return { ok: true, value: JSON.stringify((await ${call}) ?? null) }; } ` +
  `catch (error) { return { ok: false, error: String(error) }; } })()`;

type Envelope = { ok: true; value: unknown } | { ok: false; error: string };
type Ext = {
  chrome: {
    runtime: { sendMessage(m: unknown): Promise<Envelope> };
    storage: { local: { get(k: string | null): Promise<Record<string, unknown>> } };
  };
};

describe('storage closed to content scripts (Chromium)', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  let admin: Page;
  let options: Page;
  let world: ContentScriptWorld | undefined;

  const ask = (message: object) =>
    options.evaluate((m) => (globalThis as unknown as Ext).chrome.runtime.sendMessage(m), message);
  const trustedRead = () => options.evaluate(() => (globalThis as unknown as Ext).chrome.storage.local.get(null));
  const writes = () =>
    sim().state.requests.filter((r) => r.host === HOST && r.method !== 'GET' && r.path.startsWith('/rest/api/3/'));

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    admin = await browser.context.newPage();
    await signIn(admin, TINY.site, '/admin/users', TINY.admin.email);
    await admin.locator('tr[data-relink-row]').first().waitFor({ timeout: 15_000 });

    // The admin saves an API token for tiny.atlassian.net in Options, then an org key.
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('An API token').check();
    await options.getByLabel('Email', { exact: true }).fill(TINY.admin.email);
    await options.getByLabel('Token', { exact: true }).fill(TINY.admin.token);
    await options.getByLabel(HOST, { exact: true }).check();
    await options.getByRole('button', { name: 'Save sign-in' }).click();
    await options.getByTestId('auth-status').getByText('Saved.', { exact: true }).waitFor();
    // The org key through the protocol, as Options sends it: its "Save" would first ask for
    // api.atlassian.com in a browser prompt that headless Chromium cannot answer.
    const saved = await ask({
      type: 'auth/set',
      auth: {
        mode: 'api-token',
        email: TINY.admin.email,
        tokenSites: [HOST],
        orgId: TINY.orgId,
        orgKey: TINY.orgKey,
      },
    });
    expect(saved).toMatchObject({ ok: true, value: { hasApiToken: true, hasOrgKey: true } });
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await options
      .getByTestId('auth-status')
      .getByText('Signed in as Tia Admin on tiny.atlassian.net (API token) — site admin: yes, Administer Jira: yes.', {
        exact: true,
      })
      .waitFor();

    await admin.reload();
    await admin.locator('tr[data-relink-row]').first().waitFor({ timeout: 15_000 });
    world = await contentScriptWorld(admin, browser.extensionId);
  });
  afterAll(async () => {
    await world?.detach().catch(() => undefined);
    await browser?.close();
  });

  it('reaches Relink’s own content script, which has the secrets in reach of nothing', async () => {
    // Not vacuous: this is Relink's content script on the admin page, with its runtime and its rows.
    const identity = await world!.evaluate<{ id: string; name: string; href: string; rows: number }>(
      `({ id: chrome.runtime.id, name: chrome.runtime.getManifest().name, href: location.href,
          rows: document.querySelectorAll('tr[data-relink-row]').length })`,
    );
    expect(identity).toEqual({ id: browser!.extensionId, name: 'Relink', href: `${TINY.site}/admin/users`, rows: 2 });
    // And the secrets are stored: an extension page reads them.
    const trusted = await trustedRead();
    expect(trusted.auth).toMatchObject({ apiToken: TINY.admin.token, orgKey: TINY.orgKey });
  });

  it('refuses the content script a read of storage.local', async () => {
    const read = await world!.evaluate<Outcome>(attempt('chrome.storage.local.get(null)'));
    if (read.ok) expect(read.value).toMatch(/^(null|\{\})$/);
    else expect(read.error).toMatch(/access|not allowed|context|undefined/i);
    expect(JSON.stringify(read)).not.toContain(TINY.admin.token);
    expect(JSON.stringify(read)).not.toContain(TINY.orgKey);
    const one = await world!.evaluate<Outcome>(attempt(`chrome.storage.local.get('auth')`));
    expect(JSON.stringify(one)).not.toContain(TINY.admin.token);
  });

  it('refuses the content script a forged bulk job and snapshots, and the background writes nothing', async () => {
    sim().state.requests = [];
    const write = await world!.evaluate<Outcome>(attempt(`chrome.storage.local.set(${JSON.stringify(FORGED)})`));
    expect.soft(write.ok).toBe(false);
    const trusted = await trustedRead();
    expect.soft(trusted.bulk).toBeUndefined();
    expect.soft(JSON.stringify(trusted[`snapshots:${HOST}`] ?? null)).not.toContain(TINY.ids.rae);

    // The page asks for the site's bulk job as it does on every load (which also restarts a
    // running queue), and for a reactivation plan for Rae; so does an extension page.
    const fromPage = await world!.evaluate<Envelope>(
      `chrome.runtime.sendMessage({ type: 'bulk/get', site: '${HOST}' })`,
    );
    expect.soft(fromPage).toEqual({ ok: true, value: null });
    expect.soft(await ask({ type: 'bulk/get', site: HOST })).toEqual({ ok: true, value: null });
    const plan = await world!.evaluate<Envelope>(
      `chrome.runtime.sendMessage({ type: 'user/plan', site: '${HOST}', accountId: '${TINY.ids.rae}',
        email: 'rae@tiny.example.com', products: ['jira-software'] })`,
    );
    expect.soft(plan).toMatchObject({ ok: true, value: { plan: { kind: 'plan' } } });
    expect.soft(JSON.stringify(plan)).not.toContain(SITE_ADMINS.groupId);

    // Soft expectations above: on a build that lets the write through, the run shows what followed.
    // Give a planted queue time to run (it paces 250 ms between users): nothing may be written.
    await new Promise((r) => setTimeout(r, 3000));
    expect(writes()).toEqual([]);
    const rae = sim().state.world.sites.get(HOST)!.memberships.get(TINY.ids.rae);
    expect(rae?.status).toBe('removed');
    expect((await trustedRead()).bulk).toBeUndefined();
  });
});
