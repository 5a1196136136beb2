/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (toolchain.md): the Firefox
 * production build installed as a temporary add-on, every Atlassian host resolved to the
 * simulator (which must listen on 443), the real cookie policy, and a pinned moz-extension UUID.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';
import { ARTIFACTS } from '../support/chromium';
import type { BrowserUnderTest, PageUnderTest } from './driver';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve('.output/firefox-mv3');
const GECKO_ID = 'relink@relink.dev';
const UUID = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function wrap(page: Page): PageUnderTest {
  const one = async (css: string) => {
    const handle = await page.waitForSelector(css, { timeout: 10_000 });
    if (!handle) throw new Error(`Not found: ${css}`);
    return handle;
  };
  return {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    fill: async (css, value) => {
      const input = await one(css);
      await input.click({ count: 3 });
      await input.type(value);
    },
    click: async (css) => (await one(css)).click(),
    check: async (css) => {
      const box = await one(css);
      if (!(await box.evaluate((e) => (e as HTMLInputElement).checked))) await box.click();
    },
    selectByLabel: async (css, label) => {
      const select = await one(css);
      await select.evaluate((s, l) => {
        const el = s as HTMLSelectElement;
        el.value = Array.from(el.options).find((o) => o.textContent === l)?.value ?? '';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, label);
    },
    waitFor: async (css, timeout = 10_000) => void (await page.waitForSelector(css, { timeout })),
    count: async (css) => (await page.$$(css)).length,
    text: async (css) => {
      const handle = await page.$(css);
      return handle ? handle.evaluate((e) => e.textContent) : null;
    },
    attributes: async (css, name) => Promise.all((await page.$$(css)).map((h) => h.evaluate((e, n) => e.getAttribute(n), name))),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    screenshot: async (name) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `firefox-${name}.png`) as `${string}.png`, fullPage: true });
    },
  };
}

export async function firefoxUnderTest(): Promise<BrowserUnderTest> {
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install -y firefox-esr (.ci/run does).`);
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error('No Firefox build: run `wxt build -b firefox --mv3` first (npm test does).');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.cookie.cookieBehavior': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'extensions.originControls.grantByDefault': true,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    name: 'firefox',
    newPage: async () => wrap(await browser.newPage()),
    extensionUrl: (path) => `moz-extension://${UUID}/${path}`,
    close: () => browser.close(),
  };
}
