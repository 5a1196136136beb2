/**
 * The production manifests, exactly. WXT adds permissions to dev builds, so only the built
 * production manifest is checked; any new permission, host or content-script match fails here
 * until the snapshot is deliberately updated (`vitest -u`) and the change explained.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = (target: string) =>
  JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8')) as Record<string, unknown>;

describe('production manifest', () => {
  it('Chrome MV3 asks for nothing beyond what Relink needs', async () => {
    await expect(`${JSON.stringify(manifest('chrome-mv3'), null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/chrome-mv3.manifest.json',
    );
  });

  it('Firefox MV3 asks for the same, with a stable gecko id and no data collection', async () => {
    await expect(`${JSON.stringify(manifest('firefox-mv3'), null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/firefox-mv3.manifest.json',
    );
  });

  it('never has tabs, scripting, cookies, webRequest, <all_urls> or sync storage hosts', () => {
    for (const target of ['chrome-mv3', 'firefox-mv3']) {
      const text = JSON.stringify(manifest(target));
      for (const forbidden of [
        '"tabs"',
        '"scripting"',
        '"cookies"',
        '"webRequest',
        '<all_urls>',
        '"*://*/*"',
        'externally_connectable',
      ]) {
        expect(text, `${target} must not contain ${forbidden}`).not.toContain(forbidden);
      }
    }
  });
});
