/** What Relink knows of the sites a tab is about, for the popup and the toolbar badge. */
import browser from 'webextension-polyfill';
import { adminUserListPage, siteHostOf } from '../page/admin-pages';
import type { ScanState } from '../domain/records';
import { scanItem, scanStateItem, settingsItem } from '../storage/items';
import { sitesForPage } from './page-sites';

export interface SiteStatus {
  host: string;
  /** null until a scan has run. */
  hiddenCount: number | null;
  counts: Record<string, number> | null;
  lastScan: string | null;
  scan: ScanState | null;
}
export interface StatusReply {
  /** The sites the active tab is about. */
  tabSites: SiteStatus[];
  otherSites: SiteStatus[];
}

async function sitesOfUrl(url: string | undefined): Promise<string[]> {
  if (!url) return [];
  const site = siteHostOf(url);
  if (site) return [site];
  const page = adminUserListPage(url);
  return page ? sitesForPage(page) : [];
}

async function siteStatus(host: string): Promise<SiteStatus> {
  const [scan, state] = await Promise.all([scanItem(host).get(), scanStateItem(host).get()]);
  return {
    host,
    hiddenCount: scan ? scan.hidden.length : null,
    counts: scan?.counts ?? null,
    lastScan: scan?.finishedAt ?? null,
    scan: state,
  };
}

export async function statusFor(tabUrl: string | undefined): Promise<StatusReply> {
  const tabSites = await sitesOfUrl(tabUrl);
  const { knownSites } = await settingsItem.get();
  return {
    tabSites: await Promise.all(tabSites.map(siteStatus)),
    otherSites: await Promise.all(knownSites.filter((s) => !tabSites.includes(s)).map(siteStatus)),
  };
}

/** The badge: hidden users on the tab's site(s), blank when unknown. */
export async function updateBadge(tabId: number, url: string | undefined): Promise<void> {
  const statuses = await Promise.all((await sitesOfUrl(url)).map(siteStatus));
  const counts = statuses.map((s) => s.hiddenCount).filter((n): n is number => n !== null);
  const text = counts.length === 0 ? '' : String(counts.reduce((a, b) => a + b, 0));
  // Atlassian's bold danger red: a mid-tone that shows on light and dark toolbars and against the blue
  // icon, with white text at 5.2:1.
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#C9372C' });
  await browser.action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
  await browser.action.setBadgeText({ tabId, text });
}

/** After a scan: every open tab on Atlassian gets its badge again. Host permissions let Relink see those tabs' URLs. */
export async function updateAllBadges(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['https://*.atlassian.net/*', 'https://admin.atlassian.com/*'] });
  await Promise.all(tabs.flatMap((t) => (t.id === undefined ? [] : [updateBadge(t.id, t.url).catch(() => undefined)])));
}
