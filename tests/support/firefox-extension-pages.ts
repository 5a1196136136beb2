/**
 * Firefox ESR with Relink's Firefox build, as tests/e2e-shared/firefox-driver.ts launches it, plus
 * a way into Relink's own pages: WebDriver BiDi will not navigate a tab to moz-extension://, so
 * the browser runs with `--remote-allow-system-access` and a privileged script opens the page in a
 * new tab; BiDi then evaluates in that page like in any other (with the extension page's rights:
 * browser.storage, browser.runtime, the extension origin's IndexedDB).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const FIREFOX_BUILD = resolve('.output/firefox-mv3');
const GECKO_ID = 'relink@relink.dev';
const FIREFOX_UUID = '7b2c3d4e-5f60-4b7c-8d9e-0f1a2b3c4d5e';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
type Remote = { type: string; value?: unknown };
type EvaluateResult = { type: 'success'; result: Remote } | { type: 'exception'; exceptionDetails: { text: string } };
interface Tree {
  contexts: { context: string; url: string }[];
}

export interface ExtensionPage {
  url: string;
  /** Evaluates `expression` in the page (awaiting a promise); the value must be a string (use JSON). */
  evaluate(expression: string): Promise<string>;
  /** Closes the tab and selects again the tab that was selected before it opened. */
  close(): Promise<void>;
}

export interface FirefoxWithExtensionPages {
  browser: Browser;
  newPage(): Promise<Page>;
  /** Opens `moz-extension://UUID/<path>` in a new tab and returns a way to evaluate in it. */
  openExtensionPage(path: string): Promise<ExtensionPage>;
  close(): Promise<void>;
}

/** `grantHostAccess: false`: the user's opt-in state, where MV3 host permissions wait for the user to grant them. */
export async function firefoxWithExtensionPages(
  options: { grantHostAccess?: boolean } = {},
): Promise<FirefoxWithExtensionPages> {
  if (!existsSync(FIREFOX))
    throw new Error(`No Firefox at ${FIREFOX}: run "npm run browsers" (it installs Debian's firefox-esr).`);
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json')))
    throw new Error('No Firefox build: run `wxt build -b firefox --mv3` first (npm test does).');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.cookie.cookieBehavior': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'extensions.originControls.grantByDefault': options.grantHostAccess ?? true,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const bidi = (browser as unknown as { connection: BidiConnection }).connection;
  const contexts = async (scope?: 'chrome') =>
    ((await bidi.send('browsingContext.getTree', scope ? { 'moz:scope': scope } : {})).result as Tree).contexts;
  const evaluateIn = async (context: string, expression: string): Promise<string> => {
    const { result } = (await bidi.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    })) as { result: EvaluateResult };
    if (result.type === 'exception') throw new Error(`In ${context}: ${result.exceptionDetails.text}`);
    if (result.result.type !== 'string') throw new Error(`Expected a string, got ${JSON.stringify(result.result)}`);
    return result.result.value as string;
  };

  return {
    browser,
    newPage: () => browser.newPage(),
    async openExtensionPage(path) {
      const url = `moz-extension://${FIREFOX_UUID}/${path}`;
      const before = new Set((await contexts()).map((c) => c.context));
      const [window] = await contexts('chrome');
      if (!window) throw new Error('No browser window to open a tab in.');
      await evaluateIn(
        window.context,
        `globalThis.relinkSelectedBefore = gBrowser.selectedTab; ` +
          `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, ` +
          `{ triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); 'opened'`,
      );
      const close = async () => {
        await evaluateIn(
          window.context,
          `{ const tab = Array.from(gBrowser.tabs).find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(url)}); ` +
            `if (tab) gBrowser.removeTab(tab); ` +
            `if (globalThis.relinkSelectedBefore) gBrowser.selectedTab = globalThis.relinkSelectedBefore; 'closed' }`,
        );
      };
      const deadline = Date.now() + 10_000;
      for (;;) {
        const tab = (await contexts()).find((c) => !before.has(c.context) && c.url === url);
        if (tab) {
          const ready = await evaluateIn(tab.context, 'document.readyState').catch(() => 'loading');
          if (ready === 'complete')
            return { url, evaluate: (expression) => evaluateIn(tab.context, expression), close };
        }
        if (Date.now() > deadline) throw new Error(`${url} did not open.`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => browser.close(),
  };
}
