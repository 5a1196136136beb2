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
 * restart the first read comes from storage. The `sites` used last are kept, no more (the badge
 * reads every known site). Values are treated as immutable by their readers.
 */
export function kept<T>(item: (host: string) => StoredItem<T>, sites = 3): (host: string) => StoredItem<T> {
  const memory = new Map<string, Promise<T>>();
  const keep = (host: string, value: Promise<T>) => {
    memory.delete(host);
    memory.set(host, value);
    for (const oldest of memory.keys()) if (memory.size > sites) memory.delete(oldest);
  };
  return (host) => {
    const stored = item(host);
    return {
      key: stored.key,
      get() {
        const known = memory.get(host);
        if (known) {
          keep(host, known);
          return known;
        }
        const value = stored.get();
        keep(host, value);
        // A failed read is not kept, nor does it evict what a write kept meanwhile.
        value.catch(() => memory.get(host) === value && memory.delete(host));
        return value;
      },
      async set(value) {
        memory.delete(host);
        await stored.set(value);
        keep(host, Promise.resolve(value));
      },
      async remove() {
        memory.delete(host);
        await stored.remove();
      },
    };
  };
}
