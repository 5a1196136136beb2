import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/handle-request';
import { settingsItem } from '@/utils/storage/items';

const contentScript = {
  kind: 'content-script',
  page: { kind: 'legacy', siteHost: 'acme.atlassian.net' },
  tabId: 1,
  url: 'https://acme.atlassian.net/admin/users',
} as const;
const extensionPage = { kind: 'extension-page' } as const;

describe('handleRequest', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses malformed requests and unknown types', async () => {
    for (const raw of [
      null,
      'page/opened',
      { type: 'fetch', url: 'https://evil.example.com' },
      { type: 'settings/set', settings: { knownSites: ['evil.example.com'] } },
    ]) {
      expect(await handleRequest(raw, extensionPage)).toEqual({
        ok: false,
        error: 'Relink ignored a malformed request.',
      });
    }
  });

  it('lets a content script say only that its page opened', async () => {
    const reply = await handleRequest({ type: 'settings/set', settings: { knownSites: [] } }, contentScript);
    expect(reply).toEqual({ ok: false, error: 'That request is not allowed from a web page.' });
    expect(await handleRequest({ type: 'settings/get' }, contentScript)).toMatchObject({ ok: false });
  });

  it('remembers a legacy admin page’s site, once', async () => {
    expect(await handleRequest({ type: 'page/opened' }, contentScript)).toEqual({
      ok: true,
      value: { page: contentScript.page, siteHosts: ['acme.atlassian.net'] },
    });
    await handleRequest({ type: 'page/opened' }, contentScript);
    expect(await settingsItem.getValue()).toEqual({ knownSites: ['acme.atlassian.net'] });
  });

  it('reports the active tab’s site and the other known sites to the popup', async () => {
    await settingsItem.setValue({ knownSites: ['acme.atlassian.net', 'globex.atlassian.net'] });
    const empty = (host: string) => ({ host, hiddenCount: null, counts: null, lastScan: null, scan: null });
    expect(
      await handleRequest({ type: 'status/get', tabUrl: 'https://globex.atlassian.net/jira' }, extensionPage),
    ).toEqual({
      ok: true,
      value: { tabSites: [empty('globex.atlassian.net')], otherSites: [empty('acme.atlassian.net')] },
    });
  });

  it('stores sites de-duplicated and sorted, in local storage', async () => {
    await handleRequest(
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
    expect(await handleRequest({ type }, contentScript)).toEqual({
      ok: false,
      error: 'That request is not allowed from a web page.',
    });
  });
  it('may not act on another site than its page’s', async () => {
    expect(await handleRequest({ type: 'site/scan', site: 'other.atlassian.net' }, contentScript)).toEqual({
      ok: false,
      error: 'This page is not about other.atlassian.net.',
    });
  });
});
