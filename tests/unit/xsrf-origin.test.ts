/**
 * Relink's Origin rule exists only while Relink writes (utils/background/xsrf-origin.ts): one rule
 * per site shared by concurrent writes, removed after the last, also when a write throws, and
 * matching Relink's own requests only. declarativeNetRequest is an in-memory stand-in here; the
 * real one is exercised in tests/e2e/xsrf-origin-rule.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

interface Rule {
  id: number;
  action: { type: string; requestHeaders?: { header: string }[] };
  condition: Record<string, unknown>;
}

const dnr = vi.hoisted(() => {
  const rules = new Map<number, unknown>();
  let updates = 0;
  return {
    rules,
    updates: () => updates,
    reset() {
      rules.clear();
      updates = 0;
    },
    api: {
      async updateSessionRules(options: { removeRuleIds?: number[]; addRules?: { id: number }[] }) {
        // A browser call takes time: let other work interleave.
        await new Promise((r) => setTimeout(r, 5));
        updates++;
        for (const id of options.removeRuleIds ?? []) rules.delete(id);
        for (const rule of options.addRules ?? []) rules.set(rule.id, rule);
      },
      getSessionRules: async () => [...rules.values()],
    },
  };
});

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getURL: (path: string) => `chrome-extension://relinkextensionid${path}` },
    declarativeNetRequest: dnr.api,
  },
}));

const load = () => import('@/utils/background/xsrf-origin');
const rules = () => [...dnr.rules.values()] as Rule[];
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('the Origin rule', () => {
  beforeEach(() => {
    vi.resetModules();
    dnr.reset();
  });

  it('is there while Relink writes, for that site and Relink’s own requests only, and gone after', async () => {
    const { withOriginRule } = await load();
    const during = await withOriginRule('acme.atlassian.net', () => Promise.resolve(rules()));
    expect(during).toEqual([
      expect.objectContaining({
        action: {
          type: 'modifyHeaders',
          requestHeaders: [{ header: 'origin', operation: 'set', value: 'https://acme.atlassian.net' }],
        },
        condition: expect.objectContaining({
          requestDomains: ['acme.atlassian.net'],
          initiatorDomains: ['relinkextensionid'],
          tabIds: [-1],
        }) as unknown,
      }),
    ]);
    expect(rules()).toEqual([]);
  });

  it('is shared by concurrent writes to a site, and removed once the last one ends', async () => {
    const { withOriginRule } = await load();
    let finishFirst!: () => void;
    const first = withOriginRule('acme.atlassian.net', () => new Promise<void>((r) => (finishFirst = r)));
    await settle();
    const second = withOriginRule('acme.atlassian.net', async () => {
      await settle();
      return rules().length;
    });
    expect(await second).toBe(1);
    await settle();
    // The first write is still running: its rule stays.
    expect(rules()).toHaveLength(1);
    finishFirst();
    await first;
    expect(rules()).toEqual([]);
    // One add, one removal.
    expect(dnr.updates()).toBe(2);
  });

  it('keeps one rule per site', async () => {
    const { withOriginRule } = await load();
    const sites = await withOriginRule('a.atlassian.net', () =>
      withOriginRule('b.atlassian.net', () =>
        Promise.resolve(rules().map((r) => (r.condition.requestDomains as string[])[0])),
      ),
    );
    expect(sites.sort()).toEqual(['a.atlassian.net', 'b.atlassian.net']);
    expect(rules()).toEqual([]);
  });

  it('is removed when a write throws, and the error is the write’s', async () => {
    const { withOriginRule } = await load();
    await expect(
      withOriginRule('acme.atlassian.net', () => Promise.reject(new Error('Relink lost the connection'))),
    ).rejects.toThrow('Relink lost the connection');
    expect(rules()).toEqual([]);
  });

  it('is there for a write that starts while the previous write’s rule is being removed', async () => {
    const { withOriginRule } = await load();
    const first = withOriginRule('acme.atlassian.net', () => Promise.resolve());
    // Starts as soon as the first write's body has run, while its removal may be under way.
    await new Promise((r) => setTimeout(r, 7));
    const during = await withOriginRule('acme.atlassian.net', () => Promise.resolve(rules().length));
    await first;
    expect(during).toBe(1);
    expect(rules()).toEqual([]);
  });

  it('at start, removes leftover Origin rules but not one in use, nor other rules', async () => {
    const { removeLeftoverOriginRules, withOriginRule } = await load();
    const origin = (id: number) => ({
      id,
      action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Origin', operation: 'set', value: 'x' }] },
      condition: {},
    });
    dnr.rules.set(1, origin(1));
    dnr.rules.set(2, { id: 2, action: { type: 'block' }, condition: {} });
    const left = await withOriginRule('acme.atlassian.net', async () => {
      await removeLeftoverOriginRules();
      return rules().map((r) => r.id);
    });
    expect(left).toHaveLength(2);
    expect(left).toContain(2);
    expect(left).not.toContain(1);
    expect(rules().map((r) => r.id)).toEqual([2]);
  });
});
