/** The background's one entry point for messages: validate, check who may ask what, dispatch. */
import { RequestSchema, type Envelope, type RelinkRequest, type RequestType } from '../messaging/protocol';
import type { TrustedSender } from '../messaging/sender';
import { authItem, publicAuth, settingsItem } from '../storage/items';
import { loadScan, loadScanState } from '../storage/site-data';
import { auditCsv } from '../engine/audit';
import { bulkStatus, startBulk } from './bulk';
import { sitesForPage } from './page-sites';
import { statusFor, updateAllBadges, updateBadge } from './site-status';
import {
  auditLog,
  changeGroup,
  checkAuth,
  planReactivate,
  reactivate,
  scan,
  siteGroups,
  userSubject,
} from './engine-service';

/** Requests a content script may make, and only about the site its page is about. */
const CONTENT_SCRIPT_REQUESTS = new Set<RequestType>([
  'page/opened',
  'site/scan',
  'site/get',
  'site/scan-state',
  'user/get',
  'site/groups',
  'user/plan',
  'user/reactivate',
  'group/change',
  'bulk/start',
  'bulk/get',
]);

export async function handleRequest(raw: unknown, sender: TrustedSender): Promise<Envelope<unknown>> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Relink ignored a malformed request.' };
  const request = parsed.data;
  if (sender.kind === 'content-script') {
    if (!CONTENT_SCRIPT_REQUESTS.has(request.type))
      return { ok: false, error: 'That request is not allowed from a web page.' };
    if ('site' in request && !(await pageCovers(sender, request.site)))
      return { ok: false, error: `This page is not about ${request.site}.` };
  }
  return { ok: true, value: await dispatch(request, sender) };
}

/** A content script may act only on the sites its page is about. */
async function pageCovers(sender: Extract<TrustedSender, { kind: 'content-script' }>, site: string): Promise<boolean> {
  return (await sitesForPage(sender.page)).includes(site);
}

async function dispatch(request: RelinkRequest, sender: TrustedSender): Promise<unknown> {
  switch (request.type) {
    case 'page/opened': {
      if (sender.kind !== 'content-script') throw new Error('Only the admin page can say it opened.');
      const { page } = sender;
      const settings = await settingsItem.getValue();
      if (page.kind === 'legacy' && !settings.knownSites.includes(page.siteHost)) {
        await settingsItem.setValue({ ...settings, knownSites: [...settings.knownSites, page.siteHost].sort() });
      }
      void updateBadge(sender.tabId, sender.url).catch(() => undefined);
      return { page, siteHosts: await sitesForPage(page) };
    }
    case 'status/get':
      return statusFor(request.tabUrl);
    case 'settings/get':
      return settingsItem.getValue();
    case 'settings/set':
      await settingsItem.setValue({ knownSites: [...new Set(request.settings.knownSites)].sort() });
      return settingsItem.getValue();
    case 'site/scan': {
      const result = await scan(request.site, request.full ?? false);
      void updateAllBadges().catch(() => undefined);
      return result;
    }
    case 'site/get':
      return loadScan(request.site);
    case 'site/scan-state':
      return loadScanState(request.site);
    case 'user/get':
      return userSubject(request.site, request.accountId);
    case 'site/groups':
      return siteGroups(request.site);
    case 'user/plan':
      return planReactivate(request);
    case 'user/reactivate':
      return reactivate(request);
    case 'group/change':
      return changeGroup(request);
    case 'bulk/start':
      return startBulk(request);
    case 'bulk/get':
      return bulkStatus();
    case 'audit/get':
      return auditLog.entries();
    case 'audit/csv':
      return auditCsv(await auditLog.entries());
    case 'auth/get':
      return publicAuth(await authItem.getValue());
    case 'auth/set': {
      const current = await authItem.getValue();
      const next = {
        mode: request.auth.mode,
        email: request.auth.email,
        apiToken: request.auth.apiToken === undefined ? current.apiToken : request.auth.apiToken,
        orgId: request.auth.orgId,
        orgKey: request.auth.orgKey === undefined ? current.orgKey : request.auth.orgKey,
      };
      await authItem.setValue(next);
      return publicAuth(next);
    }
    case 'auth/check':
      return checkAuth(request.site);
  }
}
