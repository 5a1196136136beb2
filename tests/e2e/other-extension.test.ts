/** Another extension installed beside Relink cannot make its background do anything. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { useSimulator } from '../support/with-sim';

describe('another extension', () => {
  const sim = useSimulator('tiny');
  let browser: ExtensionBrowser | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'relink-other-ext-'));

  beforeAll(async () => {
    writeFileSync(
      join(dir, 'manifest.json'),
      JSON.stringify({
        manifest_version: 3,
        name: 'Curious neighbour',
        version: '1.0',
        background: { service_worker: 'sw.js' },
      }),
    );
    writeFileSync(join(dir, 'sw.js'), '// sends its messages when the test asks it to\n');
    writeFileSync(join(dir, 'page.html'), '<!doctype html><title>neighbour</title>');
    browser = await launchWithExtension(sim(), { otherExtensions: [dir] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets no answer to any request, and nothing happens', async () => {
    const neighbour =
      browser!.context.serviceWorkers().find((w) => !w.url().endsWith('/background.js')) ??
      (await browser!.context.waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/sw.js') }));
    sim().state.requests = [];
    const outcomes = await neighbour.evaluate(async (relinkId) => {
      const results: string[] = [];
      for (const message of [
        { type: 'site/scan', site: 'tiny.atlassian.net' },
        { type: 'auth/get' },
        { type: 'audit/csv' },
      ]) {
        try {
          results.push(
            `answered: ${JSON.stringify(await (globalThis as unknown as { chrome: { runtime: { sendMessage(id: string, m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(relinkId, message))}`,
          );
        } catch (error) {
          results.push(`refused: ${(error as Error).message}`);
        }
      }
      return results;
    }, browser!.extensionId);
    for (const outcome of outcomes) expect(outcome).toMatch(/^refused: /);
    expect(sim().state.requests).toEqual([]);
  });
});
