/**
 * Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (docs/testing.md), launched as
 * tests/support/firefox-extension-pages.ts does: the Firefox production build installed as a
 * temporary add-on, every Atlassian host resolved to the simulator (which must listen on 443), the
 * real cookie policy, a pinned moz-extension UUID, and a way into Relink's own pages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { ARTIFACTS } from '../support/chromium';
import { firefoxWithExtensionPages } from '../support/firefox-extension-pages';
import type { BrowserUnderTest, PageUnderTest } from './driver';
import { clickAt, deepQuery, deepQueryAll, isDeep } from './firefox-closed-shadow';

/** `css`, where `host >>> inner` enters the host's shadow root even when it is closed (Relink's dialogs). */
const query = (page: Page, css: string): Promise<ElementHandle | null> =>
  isDeep(css) ? deepQuery(page, css) : page.$(css);
const queryAll = (page: Page, css: string): Promise<ElementHandle[]> =>
  isDeep(css) ? deepQueryAll(page, css) : page.$$(css);

/**
 * Polls rather than using waitForSelector: its mutation observer does not see changes inside
 * shadow roots, where Relink's dialogs render.
 */
async function poll(page: Page, css: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The query itself can meet a node the page just replaced: that is "not yet", not a failure.
    const handle = await query(page, css).catch((error: unknown) => {
      if (/no such node|not known|detached/i.test(String(error))) return null;
      throw error;
    });
    if (handle) return handle;
    if (Date.now() > deadline) throw new Error(`Not found within ${timeoutMs} ms: ${css}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Relink re-renders its rows as data arrives: an element found a moment ago may be gone. Try again. */
async function fresh<T>(act: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await act();
    } catch (error) {
      if (attempt >= 3 || !/no such node|not known|detached/i.test(String(error))) throw error;
    }
  }
}

function wrap(page: Page): PageUnderTest {
  const one = (css: string) => poll(page, css, 10_000);
  // Inside a closed shadow root puppeteer cannot place the element: click where it is, as a person would.
  const click = (css: string, element: ElementHandle) => (isDeep(css) ? clickAt(page, element) : element.click());
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    fill: (css, value) =>
      fresh(async () => {
        const input = await one(css);
        if (isDeep(css)) await clickAt(page, input);
        else await input.click({ count: 3 });
        await input.type(value);
      }),
    click: (css) => fresh(async () => click(css, await one(css))),
    check: (css) =>
      fresh(async () => {
        const box = await one(css);
        if (!(await box.evaluate((e) => (e as HTMLInputElement).checked))) await click(css, box);
      }),
    selectByLabel: (css, label) =>
      fresh(async () => {
        const select = await one(css);
        await select.evaluate((s, l) => {
          const el = s as HTMLSelectElement;
          el.value = Array.from(el.options).find((o) => o.textContent === l)?.value ?? '';
          el.dispatchEvent(new Event('change', { bubbles: true }));
        }, label);
      }),
    waitFor: async (css, timeout = 10_000) => {
      await poll(page, css, timeout);
    },
    count: (css) => fresh(async () => (await queryAll(page, css)).length),
    text: (css) =>
      fresh(async () => {
        const element = await query(page, css);
        return element ? element.evaluate((e) => e.textContent) : null;
      }),
    attributes: (css, name) =>
      fresh(async () =>
        Promise.all((await queryAll(page, css)).map((e) => e.evaluate((el, n) => el.getAttribute(n), name))),
      ),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    // WebDriver BiDi knows the space bar as ' ', not 'Space'.
    press: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as never),
    focus: (css) => fresh(async () => (await one(css)).focus()),
    screenshot: async (name) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `firefox-${name}.png`), fullPage: true });
    },
  };
}

export async function firefoxUnderTest(options: { grantHostAccess?: boolean } = {}): Promise<BrowserUnderTest> {
  const firefox = await firefoxWithExtensionPages(options);
  return {
    name: 'firefox',
    newPage: async () => wrap(await firefox.newPage()),
    async sendFromPopup(message) {
      const popup = await firefox.openExtensionPage('popup.html');
      try {
        return JSON.parse(
          await popup.evaluate(
            `browser.runtime.sendMessage(${JSON.stringify(message)}).then((reply) => JSON.stringify(reply ?? null))`,
          ),
        ) as unknown;
      } finally {
        await popup.close();
      }
    },
    setCookie: ({ name, value, domain }) =>
      firefox.browser.setCookie({ name, value, domain, path: '/', secure: true, httpOnly: true, sameSite: 'None' }),
    close: () => firefox.close(),
  };
}
