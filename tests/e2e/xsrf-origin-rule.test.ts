/**
 * Relink's Origin rule (utils/background/xsrf-origin.ts) in real Chromium, against a hostile page:
 * anyone can own evil.atlassian.net, and its SharedWorker or ServiceWorker makes requests from no
 * tab, as Relink's service worker does. While Relink writes to tiny.atlassian.net (the rule is in
 * place), the workers' POSTs to tiny.atlassian.net must keep their own Origin; Relink's own writes
 * must still pass the strict XSRF check; and no rule is left once Relink's writes are done.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../sim/http/state';
import { launchWithExtension, signIn, type ExtensionBrowser } from '../support/chromium';
import { TINY, useSimulator } from '../support/with-sim';

const EVIL = 'https://evil.atlassian.net';
/** A write endpoint of the victim site; the marker tells the workers' requests apart in the log. */
const TARGET = `${TINY.site}/rest/api/3/group/user?groupId=${TINY.groups.alpha}&relinkAttack=`;
const SW_PATH = '/relink-attack-sw.js';

/** What both workers do when asked: a credentialed no-cors POST, the kind a page may always send. */
const ATTACK = `
  const attack = (url) =>
    fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: '{"accountId":"x"}' })
      .then(() => 'sent', (error) => 'failed: ' + error);`;
const SHARED_WORKER = `${ATTACK}
  onconnect = (event) => {
    const port = event.ports[0];
    port.onmessage = async ({ data }) => port.postMessage(await attack(data));
  };`;
const SERVICE_WORKER = `${ATTACK}
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener('message', (event) => event.waitUntil(attack(event.data).then((r) => event.source.postMessage(r))));`;

type Rule = { id: number; condition: { requestDomains?: string[]; initiatorDomains?: string[] } };
type Attacker = {
  sharedWorker?: SharedWorker;
  results?: Promise<string[]>;
};
type ExtensionGlobal = {
  chrome: {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    declarativeNetRequest: {
      getSessionRules(): Promise<Rule[]>;
      updateSessionRules(options: { addRules: object[] }): Promise<void>;
    };
  };
};

describe('the Origin rule against a hostile page’s workers', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  /** Relink's options page: the session rules as Relink sees them, and messages as its pages send them. */
  let relink: Page;
  let evil: Page;

  const sessionRules = () =>
    relink.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.declarativeNetRequest.getSessionRules());
  const changeGroup = (accountId: string, op: 'add' | 'remove') =>
    relink.evaluate((m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m), {
      type: 'group/change',
      site: 'tiny.atlassian.net',
      accountId,
      group: { groupId: TINY.groups.alpha, name: 'team-alpha' },
      op,
      dryRun: false,
    });
  const attacks = () => sim().state.requests.filter((r: LoggedRequest) => r.query.includes('relinkAttack='));

  beforeAll(async () => {
    // In tests every Atlassian host is on loopback, and Chromium counts a script Playwright serves as
    // public: Local Network Access would stop the ServiceWorker's requests before Relink's rule could.
    browser = await launchWithExtension(sim(), { args: ['--disable-features=LocalNetworkAccessChecks'] });
    const { context } = browser;
    await signIn(await context.newPage(), TINY.site, '/jira/your-work', TINY.admin.email);
    relink = await context.newPage();
    await relink.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await context.route(`${EVIL}${SW_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: SERVICE_WORKER }),
    );
    evil = await context.newPage();
    // The simulator knows no site "evil": its "unavailable" page is a document of that origin all the same.
    await evil.goto(`${EVIL}/admin/users`);
    await evil.evaluate(
      async ({ sharedWorker, swPath }) => {
        const w = window as unknown as Attacker;
        w.sharedWorker = new SharedWorker(URL.createObjectURL(new Blob([sharedWorker], { type: 'text/javascript' })));
        w.sharedWorker.port.start();
        await navigator.serviceWorker.register(swPath);
        await navigator.serviceWorker.ready;
      },
      { sharedWorker: SHARED_WORKER, swPath: SW_PATH },
    );
    await context.unrouteAll();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('has no rule before Relink writes', async () => {
    expect(await sessionRules()).toEqual([]);
  });

  it('leaves the workers’ Origin alone while Relink’s rule is in place, and removes the rule after', async () => {
    // Every request answers slowly, so Relink's write (and its rule) lasts seconds.
    sim().state.setFaults({ latencyMs: 1500 });
    sim().state.requests = [];
    const write = changeGroup(TINY.viewer.accountId, 'add');

    // Relink is writing: its rule is there, for the site, and for Relink alone.
    await expect.poll(sessionRules, { timeout: 15_000, interval: 20 }).toHaveLength(1);
    const [rule] = await sessionRules();
    expect(rule?.condition).toMatchObject({
      requestDomains: ['tiny.atlassian.net'],
      initiatorDomains: [browser!.extensionId],
    });

    // The page's workers attack now.
    await evil.evaluate((target) => {
      const w = window as unknown as Attacker;
      const viaSharedWorker = new Promise<string>((resolve) => {
        w.sharedWorker!.port.onmessage = ({ data }) => resolve(String(data));
        w.sharedWorker!.port.postMessage(`${target}shared-worker`);
      });
      const viaServiceWorker = new Promise<string>((resolve) => {
        navigator.serviceWorker.onmessage = ({ data }) => resolve(String(data));
        void navigator.serviceWorker.ready.then((r) => r.active!.postMessage(`${target}service-worker`));
      });
      w.results = Promise.all([viaSharedWorker, viaServiceWorker]);
    }, TARGET);
    // The rule stays until Relink's write ends: note the last moment it was seen.
    let ruleLastSeen = Date.now();
    while ((await sessionRules()).length > 0) ruleLastSeen = Date.now();

    expect(await write).toMatchObject({ ok: true, value: { result: { outcome: 'done' } } });
    expect(await evil.evaluate(() => (window as unknown as Attacker).results)).toEqual(['sent', 'sent']);
    sim().state.setFaults({});

    const [sharedWorker, serviceWorker] = ['shared-worker', 'service-worker'].map((who) =>
      attacks().find((r) => r.query.endsWith(who)),
    );
    for (const attack of [sharedWorker, serviceWorker]) {
      // Sent while Relink's rule was in place…
      expect(attack!.at).toBeLessThan(ruleLastSeen);
      // …and still the page's own Origin: the simulator's XSRF check refuses it.
      expect(attack).toMatchObject({ method: 'POST', origin: EVIL, status: 403 });
    }
    // Relink's own write passed the strict XSRF check as the site itself.
    expect(sim().state.requests.filter((r) => r.method === 'POST' && !r.query.includes('relinkAttack='))).toEqual([
      expect.objectContaining({ path: '/rest/api/3/group/user', status: 201, origin: TINY.site }),
    ]);
    expect(await sessionRules()).toEqual([]);
  });

  it('shares one rule between concurrent writes, and removes it once the last one ends', async () => {
    sim().state.setFaults({ latencyMs: 500 });
    const writes = Promise.all([
      changeGroup(TINY.viewer.accountId, 'remove'),
      changeGroup(TINY.admin.accountId, 'add'),
    ]);
    await expect.poll(sessionRules, { timeout: 15_000, interval: 20 }).toHaveLength(1);
    const replies = await writes;
    sim().state.setFaults({});
    for (const reply of replies) expect(reply).toMatchObject({ ok: true, value: { result: { outcome: 'done' } } });
    expect(await sessionRules()).toEqual([]);
  });

  it('gives a page’s worker no rewritten Origin once Relink has written', async () => {
    sim().state.requests = [];
    await evil.evaluate((target) => {
      const w = window as unknown as Attacker;
      w.results = new Promise<string>((resolve) => {
        w.sharedWorker!.port.onmessage = ({ data }) => resolve(String(data));
        w.sharedWorker!.port.postMessage(`${target}after`);
      }).then((r) => [r]);
    }, TARGET);
    expect(await evil.evaluate(() => (window as unknown as Attacker).results)).toEqual(['sent']);
    expect(attacks()).toEqual([expect.objectContaining({ origin: EVIL, status: 403 })]);
  });

  it('removes an Origin rule a stopped worker left behind when it starts again', async () => {
    // What a worker stopped mid-write leaves, or an older Relink's rule: for every initiator, for good.
    const leftover = {
      id: 4242,
      priority: 1,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'origin', operation: 'set', value: TINY.site }] },
      condition: { requestDomains: ['tiny.atlassian.net'], tabIds: [-1], resourceTypes: ['xmlhttprequest'] },
    };
    await relink.evaluate(
      (rule) =>
        (globalThis as unknown as ExtensionGlobal).chrome.declarativeNetRequest.updateSessionRules({
          addRules: [rule],
        }),
      leftover,
    );
    expect(await sessionRules()).toHaveLength(1);
    const devtools = await browser!.context.newCDPSession(relink);
    await devtools.send('ServiceWorker.enable');
    await devtools.send('ServiceWorker.stopAllWorkers');
    // Any message starts the worker again.
    await relink.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'settings/get' }),
    );
    await expect.poll(sessionRules, { timeout: 10_000 }).toEqual([]);
  });
});
