import type { Locator, Page } from 'playwright-core';
import type { Simulator } from '../sim/server';
import { launchWithExtension, screenshot } from '../support/chromium';
import type { BrowserUnderTest, PageUnderTest } from './driver';

function locate(page: Page, css: string): Locator {
  // Playwright's CSS pierces shadow roots (Relink's closed ones through tests/support/closed-shadow.ts);
  // `>>>` becomes a chained locator.
  return css.split(' >>> ').reduce<Page | Locator>((scope, part) => scope.locator(part), page) as Locator;
}

function wrap(page: Page): PageUnderTest {
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    fill: (css, value) => locate(page, css).first().fill(value),
    click: (css) => locate(page, css).first().click(),
    check: (css) => locate(page, css).first().check(),
    selectByLabel: async (css, label) => {
      await locate(page, css).first().selectOption({ label });
    },
    waitFor: (css, timeout = 10_000) => locate(page, css).first().waitFor({ timeout }),
    count: (css) => locate(page, css).count(),
    text: async (css) => ((await locate(page, css).count()) ? locate(page, css).first().textContent() : null),
    attributes: async (css, name) => Promise.all((await locate(page, css).all()).map((l) => l.getAttribute(name))),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (key) => page.keyboard.press(key),
    focus: (css) => locate(page, css).first().focus(),
    screenshot: async (name) => {
      await screenshot(page, `chromium-${name}`);
    },
  };
}

export async function chromiumUnderTest(sim: Simulator): Promise<BrowserUnderTest> {
  const browser = await launchWithExtension(sim);
  return {
    name: 'chromium',
    newPage: async () => wrap(await browser.context.newPage()),
    async sendFromPopup(message) {
      const popup = await browser.context.newPage();
      try {
        await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
        return await popup.evaluate(
          (m) =>
            (
              globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
            ).chrome.runtime.sendMessage(m),
          message,
        );
      } finally {
        await popup.close();
      }
    },
    setCookie: ({ name, value, domain }) =>
      browser.context.addCookies([{ name, value, domain, path: '/', secure: true, httpOnly: true, sameSite: 'None' }]),
    close: () => browser.close(),
  };
}
