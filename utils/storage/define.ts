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
