/** `kept` (utils/storage/define.ts): a site item read from memory after the first read, never older than storage. */
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { extensionStorage, useBackend, type StorageBackend } from '@/utils/storage/backend';
import { defineSiteItem, kept } from '@/utils/storage/define';

/** A backend that counts reads and can hold a write back until told. */
function countingBackend() {
  const values = new Map<string, unknown>();
  let held: Promise<void> | null = null;
  const backend: StorageBackend & { reads: number; holdNextWrite(): () => void } = {
    reads: 0,
    get(key) {
      backend.reads++;
      return Promise.resolve(values.get(key));
    },
    async set(key, value) {
      if (held) await held;
      values.set(key, value);
    },
    remove(key) {
      values.delete(key);
      return Promise.resolve();
    },
    holdNextWrite() {
      let release: () => void = () => undefined;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
  };
  return backend;
}

const item = () => kept(defineSiteItem('t', z.number().nullable(), () => null));

describe('kept site items', () => {
  afterEach(() => useBackend(extensionStorage));

  it('reads storage once, then answers from memory, each site apart', async () => {
    const backend = countingBackend();
    useBackend(backend);
    await defineSiteItem('t', z.number(), () => 0)('a.atlassian.net').set(7);
    const t = item();
    expect(await t('a.atlassian.net').get()).toBe(7);
    expect(await t('a.atlassian.net').get()).toBe(7);
    expect(backend.reads).toBe(1);
    expect(await t('b.atlassian.net').get()).toBeNull();
    expect(backend.reads).toBe(2);
  });

  it('answers what was last written, and storage holds it for the next start', async () => {
    const backend = countingBackend();
    useBackend(backend);
    const t = item();
    expect(await t('a.atlassian.net').get()).toBeNull();
    await t('a.atlassian.net').set(3);
    expect(await t('a.atlassian.net').get()).toBe(3);
    expect(backend.reads).toBe(1);
    // A restarted worker: nothing in memory, the value from storage.
    expect(await item()('a.atlassian.net').get()).toBe(3);
    await t('a.atlassian.net').remove();
    expect(await t('a.atlassian.net').get()).toBeNull();
  });

  it('never keeps a value older than a write that finished', async () => {
    const backend = countingBackend();
    useBackend(backend);
    const t = item();
    await t('a.atlassian.net').set(1);
    const go = backend.holdNextWrite();
    const writing = t('a.atlassian.net').set(2);
    // Read while the write is under way: storage still has 1.
    expect(await t('a.atlassian.net').get()).toBe(1);
    go();
    await writing;
    expect(await t('a.atlassian.net').get()).toBe(2);
  });

  it('keeps the sites used last, no more', async () => {
    const backend = countingBackend();
    useBackend(backend);
    const t = kept(
      defineSiteItem('t', z.number().nullable(), () => null),
      2,
    );
    for (const host of ['a', 'b', 'a', 'c']) await t(host).get();
    // a, b read; a from memory; c read, and b (used least lately) forgotten.
    expect(backend.reads).toBe(3);
    await t('a').get();
    expect(backend.reads).toBe(3);
    await t('b').get();
    expect(backend.reads).toBe(4);
  });
});
