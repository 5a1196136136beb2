/**
 * Where Relink's records physically live. Extension storage by default; where content scripts
 * could read it (Firefox has no access levels for storage.local), the background switches to
 * IndexedDB of the extension's own origin, which no web page or content script can open.
 */
import { storage } from 'wxt/utils/storage';

export interface StorageBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export const extensionStorage: StorageBackend = {
  get: (key) => storage.getItem(`local:${key}`),
  set: (key, value) => storage.setItem(`local:${key}`, value),
  remove: (key) => storage.removeItem(`local:${key}`),
};

let current: StorageBackend = extensionStorage;

export const backend = (): StorageBackend => current;

export function useBackend(next: StorageBackend): void {
  current = next;
}
