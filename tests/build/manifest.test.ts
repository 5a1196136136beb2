/**
 * The production manifests, exactly. WXT adds permissions to dev builds, so only the built
 * production manifest is checked; any new permission, host or content-script match fails here
 * until the snapshot is deliberately updated (`vitest -u`) and the change explained.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = (target: string) =>
  JSON.parse(readFileSync(`.output/${target}/manifest.json`, 'utf8')) as Record<string, unknown>;

type IconSet = Record<string, string> | undefined;

/** Width and height from a PNG's IHDR chunk, which the format puts first, right after the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a');
  expect(bytes.toString('latin1', 12, 16), 'first chunk').toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The content script loads on every admin page: its weight is budgeted (docs/testing.md, "The in-page UI"). */
const CONTENT_SCRIPT_BUDGET = 30 * 1024;

describe('production manifest', () => {
  it('keeps the content script within its 30 KB budget, in both builds', () => {
    for (const target of ['chrome-mv3', 'firefox-mv3'])
      expect(statSync(`.output/${target}/admin.js`).size, target).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

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

  it('names icons that are in the build, as PNGs of the size they are declared at', () => {
    for (const target of ['chrome-mv3', 'firefox-mv3']) {
      const m = manifest(target);
      const sets = {
        icons: m.icons as IconSet,
        'action.default_icon': (m.action as { default_icon?: IconSet }).default_icon,
      };
      for (const [key, set] of Object.entries(sets)) {
        expect(set, `${target} ${key}`).toBeTypeOf('object');
        for (const [size, path] of Object.entries(set!)) {
          const file = `.output/${target}/${path}`;
          expect(existsSync(file), `${target} ${key} ${size}: ${file}`).toBe(true);
          expect(pngSize(readFileSync(file)), `${target} ${key} ${size}: ${file}`).toEqual({
            width: Number(size),
            height: Number(size),
          });
        }
      }
    }
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
