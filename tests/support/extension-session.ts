/**
 * A Chromium with Relink, signed in to a simulated site, and an extension page from which to
 * talk to the background as Relink's own pages do. Used by the e2e tests of the engine.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Simulator } from '../sim/server';
import { launchWithExtension, signIn, type ExtensionBrowser } from './chromium';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are checked by shape in the tests
type Envelope = { ok: true; value: any } | { ok: false; error: string };
type ExtensionGlobal = {
  chrome: {
    runtime: { sendMessage(m: unknown): Promise<unknown> };
    storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  };
};

export interface ExtensionSession {
  browser: ExtensionBrowser;
  page: Page;
  /** Sends a protocol message from the extension page, as the popup or options page does. */
  ask(message: object): Promise<Envelope>;
  /** Reads extension storage directly: does not wake the service worker. */
  stored(key: string): Promise<unknown>;
}

export function useExtensionSession(sim: () => Simulator, site: string, email: string): () => ExtensionSession {
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    const browser = await launchWithExtension(sim());
    await signIn(await browser.context.newPage(), `https://${site}`, '/jira/your-work', email);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    session = {
      browser,
      page,
      ask: (message) =>
        page.evaluate(
          (m) => (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage(m),
          message,
        ) as Promise<Envelope>,
      stored: (key) =>
        page.evaluate(
          async (k) => (await (globalThis as unknown as ExtensionGlobal).chrome.storage.local.get(k))[k],
          key,
        ),
    };
  });
  afterAll(async () => {
    await session?.browser.close();
  });
  return () => {
    if (!session) throw new Error('The browser has not started yet.');
    return session;
  };
}
