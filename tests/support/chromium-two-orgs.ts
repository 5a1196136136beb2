/**
 * Chromium with Relink where two Atlassian organizations exist: one simulator per org, each site
 * host resolved to its own org's simulator, and api.atlassian.com to the org whose key the admin
 * holds. Also grants the optional api.atlassian.com host permission up front, as the admin does in
 * the browser's prompt when saving an org key (headless Chromium cannot answer that prompt).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { Simulator } from '../sim/server';
import { CHROMIUM } from './chromium';

const CHROME_BUILD = resolve('.output/chrome-mv3');
const ORG_API = 'https://api.atlassian.com/*';

export interface TwoOrgBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * A copy of the production build whose only difference is that api.atlassian.com is granted at
 * install (moved from optional_host_permissions to host_permissions). The code is the build's.
 */
function buildWithOrgApiGranted(into: string): string {
  const dir = join(into, 'relink');
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions?: string[];
  };
  if (!manifest.optional_host_permissions?.includes(ORG_API))
    throw new Error(`The build no longer lists ${ORG_API} as optional: update this helper.`);
  manifest.optional_host_permissions = manifest.optional_host_permissions.filter((o) => o !== ORG_API);
  manifest.host_permissions = [...manifest.host_permissions, ORG_API];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * `home` answers admin.atlassian.com, api.atlassian.com and every *.atlassian.net host not in
 * `elsewhere`, which maps a site host to the simulator of the org that owns it.
 */
export async function launchTwoOrgs(home: Simulator, elsewhere: Record<string, Simulator>): Promise<TwoOrgBrowser> {
  const scratch = mkdtempSync(join(tmpdir(), 'relink-two-orgs-'));
  const extensionDir = buildWithOrgApiGranted(scratch);
  const rules = [
    // First match wins: the other org's sites before the wildcard.
    ...Object.entries(elsewhere).map(([host, sim]) => `MAP ${host} 127.0.0.1:${sim.port}`),
    `MAP *.atlassian.net 127.0.0.1:${home.port}`,
    `MAP admin.atlassian.com 127.0.0.1:${home.port}`,
    `MAP api.atlassian.com 127.0.0.1:${home.port}`,
    'MAP * ~NOTFOUND',
  ].join(', ');
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 800 },
  });
  const isRelink = (w: Worker) => w.url().endsWith('/background.js');
  const worker =
    context.serviceWorkers().find(isRelink) ??
    (await context.waitForEvent('serviceworker', { predicate: isRelink, timeout: 15_000 }));
  return {
    context,
    extensionId: new URL(worker.url()).host,
    close: async () => {
      await context.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
