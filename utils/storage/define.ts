/**
 * The one way Relink defines a stored value: a key, a zod schema and a fallback. A value that no
 * longer fits its schema (an older version, a broken write, a foreign writer) reads as the
 * fallback instead of being trusted.
 */
import type { z } from 'zod';
import { backend } from './backend';

export interface StoredItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

export function defineItem<T>(key: string, schema: z.ZodType<T>, fallback: () => T): StoredItem<T> {
  return {
    key,
    async get() {
      const parsed = schema.safeParse(await backend().get(key));
      return parsed.success ? parsed.data : fallback();
    },
    set: (value) => backend().set(key, value),
    remove: () => backend().remove(key),
  };
}

/** One value per Atlassian site host, under `prefix:host`. */
export function defineSiteItem<T>(
  prefix: string,
  schema: z.ZodType<T>,
  fallback: () => T,
): (host: string) => StoredItem<T> {
  return (host) => defineItem(`${prefix}:${host}`, schema, fallback);
}

/**
 * A site item also kept in the worker's memory, for a value that is read far more often than it is
 * written and costly to read (a 50k-user site's scan: megabytes to read and check on every page
 * load). Every write goes through here, so memory never holds an older value than storage; after a
 * restart the first read comes from storage. Values are treated as immutable by their readers.
 */
export function kept<T>(item: (host: string) => StoredItem<T>): (host: string) => StoredItem<T> {
  const memory = new Map<string, Promise<T>>();
  return (host) => {
    const stored = item(host);
    return {
      key: stored.key,
      get() {
        let value = memory.get(host);
        if (!value) {
          value = stored.get();
          memory.set(host, value);
          value.catch(() => memory.delete(host));
        }
        return value;
      },
      async set(value) {
        memory.delete(host);
        await stored.set(value);
        memory.set(host, Promise.resolve(value));
      },
      async remove() {
        memory.delete(host);
        await stored.remove();
      },
    };
  };
}
