import { siteHostOf } from '../page/admin-pages';
import { RequestSchema, type Envelope } from '../messaging/protocol';
import type { TrustedSender } from '../messaging/sender';
import { settingsItem } from '../storage/items';

/** Requests a content script may make; everything else is for Relink's own pages. */
const CONTENT_SCRIPT_REQUESTS = new Set(['page/opened']);

export async function handleRequest(raw: unknown, sender: TrustedSender): Promise<Envelope<unknown>> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Relink ignored a malformed request.' };
  const request = parsed.data;
  if (sender.kind === 'content-script' && !CONTENT_SCRIPT_REQUESTS.has(request.type)) {
    return { ok: false, error: 'That request is not allowed from a web page.' };
  }
  switch (request.type) {
    case 'page/opened': {
      if (sender.kind !== 'content-script') return { ok: false, error: 'Only the admin page can say it opened.' };
      const { page } = sender;
      const settings = await settingsItem.getValue();
      if (page.kind === 'legacy' && !settings.knownSites.includes(page.siteHost)) {
        await settingsItem.setValue({ ...settings, knownSites: [...settings.knownSites, page.siteHost].sort() });
      }
      const siteHosts = page.kind === 'legacy' ? [page.siteHost] : [];
      return { ok: true, value: { page, siteHosts } };
    }
    case 'status/get': {
      const { knownSites } = await settingsItem.getValue();
      const siteHost = request.tabUrl ? siteHostOf(request.tabUrl) : null;
      return { ok: true, value: { siteHost, hiddenCount: null, knownSites } };
    }
    case 'settings/get':
      return { ok: true, value: await settingsItem.getValue() };
    case 'settings/set':
      await settingsItem.setValue({ knownSites: [...new Set(request.settings.knownSites)].sort() });
      return { ok: true, value: await settingsItem.getValue() };
  }
}
