/**
 * Keeps every record the background trusts (credentials, the bulk queue, snapshots, settings,
 * scans) out of content scripts' reach. By default both browsers let content scripts read and
 * write storage.local, and Relink's content script runs on pages anyone can own.
 * - Chromium: storage.local is closed to content scripts (access level TRUSTED_CONTEXTS).
 * - Where that is missing or refused (Firefox has no access levels for storage.local): the records
 *   live in IndexedDB of the extension's origin. What an earlier version kept in storage.local is
 *   moved there once; after that storage.local is only ever emptied, never read, since a content
 *   script may have written anything into it.
 * Called first thing at background start, before anything reads a record: every read waits for
 * the choice.
 */
import browser from 'webextension-polyfill';
import { extensionStorage, useBackend, type StorageBackend } from './backend';
import { indexedDbBackend } from './indexed-db';

interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

const MIGRATED = 'storage-local-moved';

export function protectStorage(): void {
  const chosen = chooseBackend();
  const when = async <T>(use: (backend: StorageBackend) => Promise<T>) => use(await chosen);
  useBackend({
    get: (key) => when((b) => b.get(key)),
    set: (key, value) => when((b) => b.set(key, value)),
    remove: (key) => when((b) => b.remove(key)),
  });
}

async function chooseBackend(): Promise<StorageBackend> {
  const local = browser.storage.local as unknown as AccessLevelArea;
  if (typeof local.setAccessLevel === 'function') {
    try {
      await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      return extensionStorage;
    } catch (error) {
      console.error('Relink could not close extension storage to content scripts; using IndexedDB instead:', error);
    }
  }
  const trusted = indexedDbBackend('relink');
  await moveOutOfStorageLocalOnce(trusted);
  return trusted;
}

async function moveOutOfStorageLocalOnce(trusted: StorageBackend): Promise<void> {
  const everything = await browser.storage.local.get(null);
  const keys = Object.keys(everything);
  if ((await trusted.get(MIGRATED)) !== true) {
    for (const key of keys) await trusted.set(key, everything[key]);
    await trusted.set(MIGRATED, true);
  }
  if (keys.length > 0) await browser.storage.local.remove(keys);
}
