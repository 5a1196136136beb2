/**
 * Debian's Chromium, driven by playwright-core, with the production build loaded and every
 * Atlassian hostname resolved to the loopback simulator (docs/testing.md). Never downloads a browser.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { Simulator } from '../sim/server';
import { letPlaywrightIntoClosedShadowRoots } from './closed-shadow';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_BUILD = resolve('.output/chrome-mv3');
export const ARTIFACTS = resolve('.output/e2e-artifacts');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

function resolverRules(port: number): string {
  return [
    `MAP *.atlassian.net 127.0.0.1:${port}`,
    `MAP admin.atlassian.com 127.0.0.1:${port}`,
    `MAP api.atlassian.com 127.0.0.1:${port}`,
    'MAP * ~NOTFOUND',
  ].join(', ');
}

function chromiumArgs(port: number, extensionDir = CHROME_BUILD, otherExtensions: string[] = []): string[] {
  const all = [extensionDir, ...otherExtensions].join(',');
  return [
    `--disable-extensions-except=${all}`,
    `--load-extension=${all}`,
    `--host-resolver-rules=${resolverRules(port)}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export async function launchWithExtension(
  sim: Simulator,
  options: { headless?: boolean; extensionDir?: string; otherExtensions?: string[]; args?: string[] } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No production build in ${extensionDir}: run \`npm run build\` first (npm test does).`);
  }
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: run "npm run browsers" (it installs Debian's chromium).`);
  const profile = mkdtempSync(join(tmpdir(), 'relink-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...chromiumArgs(sim.port, extensionDir, options.otherExtensions), ...(options.args ?? [])],
    viewport: { width: 1280, height: 800 },
  });
  // Relink's dialogs are in closed shadow roots: let Playwright's locators (not the page) in.
  context.on('page', (page) => void letPlaywrightIntoClosedShadowRoots(page).catch(() => undefined));
  const isRelink = (w: Worker) => w.url().endsWith('/background.js');
  const serviceWorker =
    context.serviceWorkers().find(isRelink) ??
    (await context.waitForEvent('serviceworker', { predicate: isRelink, timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the simulated sign-in page of `origin` and lands on `path`. */
export async function signIn(
  page: Page,
  origin: string,
  path: string,
  email: string,
  password = 'relink-demo',
): Promise<void> {
  await page.goto(`${origin}/login?continue=${encodeURIComponent(path)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await Promise.all([page.waitForURL(`${origin}${path}`), page.getByRole('button', { name: 'Log in' }).click()]);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
