import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { route } from '@/utils/background/router';
import { bulkJobItem, settingsItem } from '@/utils/storage/items';

const contentScript = {
  kind: 'content-script',
  page: { kind: 'legacy', siteHost: 'acme.atlassian.net' },
  tabId: 1,
  url: 'https://acme.atlassian.net/admin/users',
} as const;
const extensionPage = { kind: 'extension-page' } as const;

describe('route', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses malformed requests and unknown types', async () => {
    for (const raw of [
      null,
      'page/opened',
      { type: 'fetch', url: 'https://evil.example.com' },
      { type: 'settings/set', settings: { knownSites: ['evil.example.com'] } },
    ]) {
      expect(await route(raw, extensionPage)).toEqual({
        ok: false,
        kind: 'malformed-request',
        error: 'Relink ignored a malformed request.',
      });
    }
  });

  it('lets a content script say only that its page opened', async () => {
    const reply = await route({ type: 'settings/set', settings: { knownSites: [] } }, contentScript);
    expect(reply).toEqual({ ok: false, kind: 'forbidden', error: 'That request is not allowed from a web page.' });
    expect(await route({ type: 'settings/get' }, contentScript)).toMatchObject({ ok: false });
  });

  it('remembers a legacy admin page’s site, once', async () => {
    expect(await route({ type: 'page/opened' }, contentScript)).toEqual({
      ok: true,
      value: { page: contentScript.page, siteHosts: ['acme.atlassian.net'] },
    });
    await route({ type: 'page/opened' }, contentScript);
    expect(await settingsItem.get()).toEqual({ knownSites: ['acme.atlassian.net'] });
  });

  it('reports the active tab’s site and the other known sites to the popup', async () => {
    await settingsItem.set({ knownSites: ['acme.atlassian.net', 'globex.atlassian.net'] });
    const empty = (host: string) => ({ host, hiddenCount: null, counts: null, lastScan: null, scan: null });
    expect(await route({ type: 'status/get', tabUrl: 'https://globex.atlassian.net/jira' }, extensionPage)).toEqual({
      ok: true,
      value: { tabSites: [empty('globex.atlassian.net')], otherSites: [empty('acme.atlassian.net')] },
    });
  });

  it('stores sites de-duplicated and sorted, in local storage', async () => {
    await route(
      { type: 'settings/set', settings: { knownSites: ['b.atlassian.net', 'a.atlassian.net', 'b.atlassian.net'] } },
      extensionPage,
    );
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { knownSites: ['a.atlassian.net', 'b.atlassian.net'] },
    });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('what a content script may not ask', () => {
  beforeEach(() => fakeBrowser.reset());
  it.each(['auth/get', 'audit/get', 'audit/csv', 'settings/get'])('%s is refused from a web page', async (type) => {
    expect(await route({ type }, contentScript)).toEqual({
      ok: false,
      kind: 'forbidden',
      error: 'That request is not allowed from a web page.',
    });
  });
  it('may not act on another site than its page’s', async () => {
    expect(await route({ type: 'site/scan', site: 'other.atlassian.net' }, contentScript)).toEqual({
      ok: false,
      kind: 'forbidden',
      error: 'This page is not about other.atlassian.net.',
    });
  });
  it('hears nothing of another site’s bulk job', async () => {
    await bulkJobItem.set({
      id: 'j',
      site: 'victim.atlassian.net',
      createdAt: '2026-11-29T00:00:00Z',
      state: 'finished',
      products: null,
      items: [{ accountId: 'a', displayName: 'Vic Tim', email: 'vic@victim.example', status: 'done', message: null }],
    });
    expect(await route({ type: 'bulk/get', site: 'acme.atlassian.net' }, contentScript)).toEqual({
      ok: true,
      value: null,
    });
    expect(await route({ type: 'bulk/get', site: 'victim.atlassian.net' }, contentScript)).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });
  it('may not send what only an extension page may, nor may an extension page claim to be an admin page', async () => {
    expect(await route({ type: 'page/opened' }, extensionPage)).toMatchObject({ ok: false, kind: 'forbidden' });
  });
  it('refuses a reactivation that carries no confirmed plan', async () => {
    expect(await route({ type: 'user/reactivate', site: 'acme.atlassian.net', accountId: 'a' }, contentScript)).toEqual(
      {
        ok: false,
        kind: 'malformed-request',
        error: 'Relink ignored a malformed request.',
      },
    );
  });
});
