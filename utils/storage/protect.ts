/**
 * Keeps every record the background trusts (credentials, the bulk queue, snapshots, settings,
 * scans) out of content scripts' reach. By default both browsers let content scripts read and
 * write storage.local, and Relink's content script runs on pages anyone can own.
 * - Chromium: storage.local is closed to content scripts (access level TRUSTED_CONTEXTS).
 * - Firefox has no access levels for storage.local: the records move to IndexedDB of the
 *   extension's origin, and what an earlier version kept in storage.local is moved there once.
 * Called first thing at background start, synchronously, before anything reads a record.
 */
import browser from 'webextension-polyfill';
import { useBackend } from './backend';
import { indexedDbBackend } from './indexed-db';

interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

export function protectStorage(): void {
  const local = browser.storage.local as unknown as AccessLevelArea;
  if (typeof local.setAccessLevel === 'function') {
    local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((error: unknown) => {
      console.error('Relink could not close its storage to content scripts:', error);
    });
    return;
  }
  const moved = moveOutOfStorageLocal();
  useBackend(indexedDbBackend('relink', moved));
}

async function moveOutOfStorageLocal(): Promise<void> {
  const everything = await browser.storage.local.get(null);
  const keys = Object.keys(everything);
  if (keys.length === 0) return;
  const target = indexedDbBackend('relink');
  for (const key of keys) await target.set(key, everything[key]);
  await browser.storage.local.remove(keys);
}
