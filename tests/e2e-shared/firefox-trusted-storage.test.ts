/**
 * Firefox has no access levels for storage.local: any content script of Relink's — which runs on
 * admin pages anyone can own — can read and write it. So in Firefox nothing Relink keeps may be
 * there (utils/storage/protect.ts): its records live in IndexedDB of the extension's origin.
 * After the admin saves an API token and an org key and Relink scans a site, storage.local (read
 * from Relink's options page: the same area a content script sees) holds none of it, while the
 * records are in IndexedDB and Relink still works; what an earlier version left in storage.local
 * is moved out once, when the background first starts; the last test replays a job planted in
 * storage.local afterwards, which must be dropped, not run.
 *
 * The read is made from an extension page, not from the content script's sandbox: WebDriver BiDi's
 * script.getRealms in Firefox ESR 153 lists the page's window realm and automation sandboxes only,
 * never an extension's content-script sandbox.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firefoxWithExtensionPages,
  type ExtensionPage,
  type FirefoxWithExtensionPages,
} from '../support/firefox-extension-pages';
import { TINY, useSimulator } from '../support/with-sim';

const HOST = 'tiny.atlassian.net';
const CHECKED = 'Signed in as Tia Admin on tiny.atlassian.net (API token) — site admin: yes, Administer Jira: yes.';

/** The options page, driven through its DOM as a user would (Preact listens to input/change/click). */
const OPTIONS_UI = `
  const wait = async (find, what) => {
    for (let i = 0; i < 100; i++) {
      const found = find();
      if (found) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('Options page: no ' + what);
  };
  const inputIn = (text) => wait(
    () => [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(text))?.querySelector('input'),
    text);
  const type = async (text, value) => {
    const input = await inputIn(text);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const button = (text) => wait(() => [...document.querySelectorAll('button')].find((b) => b.textContent === text), text);
  const status = (accept) => wait(() => {
    const text = document.querySelector('[data-testid=auth-status]')?.textContent;
    return text && accept(text) ? text : null;
  }, 'status');
`;

/** Relink's records in IndexedDB of the extension's origin, as a JSON object by key (null: no such store). */
const RELINK_IDB = `new Promise((resolve, reject) => {
  const open = indexedDB.open('relink');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('records')) return resolve('null');
    const store = db.transaction('records').objectStore('records');
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onsuccess = () => {
      resolve(JSON.stringify(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]]))));
      db.close();
    };
  };
})`;

const storageLocal = async (page: ExtensionPage) =>
  JSON.parse(await page.evaluate('browser.storage.local.get(null).then((all) => JSON.stringify(all))')) as Record<
    string,
    unknown
  >;
const relinkRecords = async (page: ExtensionPage) =>
  JSON.parse(await page.evaluate(RELINK_IDB)) as Record<string, unknown> | null;
const send = async (page: ExtensionPage, message: object) =>
  JSON.parse(
    await page.evaluate(`browser.runtime.sendMessage(${JSON.stringify(message)}).then((r) => JSON.stringify(r))`),
  ) as { ok: boolean; value?: unknown; error?: string };

async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Firefox: nothing Relink keeps is in storage.local', () => {
  // Firefox cannot remap ports: the simulator listens on 443.
  const sim = useSimulator('tiny', { port: 443 });
  let firefox: FirefoxWithExtensionPages | undefined;
  let admin: Page;
  let options: ExtensionPage;
  const rows = () => admin.$$eval('tr[data-relink-row]', (found) => found.length);

  beforeAll(async () => {
    firefox = await firefoxWithExtensionPages();
    admin = await firefox.newPage();
    await admin.goto(`${TINY.site}/login?continue=%2Fadmin%2Fusers`);
    await admin.type('input[name=email]', TINY.admin.email);
    await admin.type('input[name=password]', 'relink-demo');
    await Promise.all([admin.waitForNavigation(), admin.click('#login-submit')]);
    await until(rows, (n) => n === 2);
    options = await firefox.openExtensionPage('options.html');
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('keeps the API token, the org key and every record out of storage.local, and still works', async () => {
    // The admin saves an API token for tiny.atlassian.net in Options and checks it.
    const checked = await options.evaluate(`(async () => {
      ${OPTIONS_UI}
      (await inputIn('An API token')).click();
      await type('Email', ${JSON.stringify(TINY.admin.email)});
      await type('Token', ${JSON.stringify(TINY.admin.token)});
      (await inputIn(${JSON.stringify(HOST)})).click();
      (await button('Save sign-in')).click();
      await status((t) => t === 'Saved.');
      (await button('Check sign-in')).click();
      return status((t) => t.startsWith('Signed in') || t.includes('refused'));
    })()`);
    expect(checked).toBe(CHECKED);
    // The org key through the protocol, as Options sends it: its "Save" would first ask for
    // api.atlassian.com in a browser prompt that a headless run cannot answer.
    const saved = await send(options, {
      type: 'auth/set',
      auth: { mode: 'api-token', email: TINY.admin.email, tokenSites: [HOST], orgId: TINY.orgId, orgKey: TINY.orgKey },
    });
    expect(saved).toMatchObject({ ok: true, value: { hasApiToken: true, hasOrgKey: true } });
    // A scan with the token: Relink writes the scan, snapshots and scan state again.
    expect(await send(options, { type: 'site/scan', site: HOST, full: true })).toMatchObject({
      ok: true,
      value: { host: HOST },
    });
    expect(sim().state.requests.some((r) => r.host === HOST && r.path === '/rest/api/3/users/search')).toBe(true);

    // What any content script of Relink's could read: nothing.
    const exposed = await storageLocal(options);
    expect(exposed).toEqual({});
    expect(JSON.stringify(exposed)).not.toContain(TINY.admin.token);
    expect(JSON.stringify(exposed)).not.toContain(TINY.orgKey);

    // Not vacuous: the secrets and records exist, in IndexedDB of the extension's origin.
    const records = await relinkRecords(options);
    expect(records).toMatchObject({
      auth: { apiToken: TINY.admin.token, orgKey: TINY.orgKey, tokenSites: [HOST] },
      settings: { knownSites: [HOST] },
      [`scan:${HOST}`]: { host: HOST },
      [`scan-state:${HOST}`]: { status: 'done' },
    });
    // And Relink keeps working from them: the page still lists the hidden users.
    expect(await rows()).toBe(2);
  });

  it('moves what an earlier version left in storage.local out of it when the background starts', async () => {
    const legacy = {
      auth: {
        mode: 'api-token',
        email: TINY.admin.email,
        apiToken: TINY.admin.token,
        tokenSites: [HOST],
        orgId: TINY.orgId,
        orgKey: TINY.orgKey,
      },
      settings: { knownSites: [HOST] },
    };
    await options.evaluate(`browser.storage.local.set(${JSON.stringify(legacy)}).then(() => 'set')`);
    expect(Object.keys(await storageLocal(options))).toEqual(expect.arrayContaining(['auth', 'settings']));
    // Restart the extension (its tabs close with it), then look again from a fresh options page.
    await options.evaluate(`(setTimeout(() => browser.runtime.reload(), 50), 'reloading')`);
    await new Promise((r) => setTimeout(r, 1000));
    options = await firefox!.openExtensionPage('options.html');
    await until(
      () => storageLocal(options),
      (all) => Object.keys(all).length === 0,
    );
    expect(await relinkRecords(options)).toMatchObject({ auth: { apiToken: TINY.admin.token, orgKey: TINY.orgKey } });
    expect(await send(options, { type: 'auth/check', site: HOST })).toMatchObject({
      ok: true,
      value: { displayName: 'Tia Admin', mode: 'api-token' },
    });
  });

  // Firefox restarts its event page often, and a content script can write storage.local there: what
  // it plants must never be imported into the trusted records (the move out happens once only).
  it('does not import and run a bulk job planted in storage.local', async () => {
    sim().state.requests = [];
    // Planted from the options page: the same area, with the same rights, as Relink's content script.
    const planted = {
      bulk: {
        id: 'planted-by-a-content-script',
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
    };
    await options.evaluate(`browser.storage.local.set(${JSON.stringify(planted)}).then(() => 'set')`);
    await options.evaluate(`(setTimeout(() => browser.runtime.reload(), 50), 'reloading')`);
    await new Promise((r) => setTimeout(r, 1000));
    options = await firefox!.openExtensionPage('options.html');
    await new Promise((r) => setTimeout(r, 4000));
    expect(sim().state.requests.filter((r) => r.host === HOST && r.method === 'POST')).toEqual([]);
    expect(sim().state.world.sites.get(HOST)!.memberships.get(TINY.ids.rae)?.status).toBe('removed');
  });
});
