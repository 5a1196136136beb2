/**
 * Progress is pushed, not polled: Relink's pages and content scripts keep a port open, and the
 * background tells each of them when something about a site it may see has changed (a scan's
 * progress or end, a bulk job's step, a reactivation). They then ask for what they show.
 * A content script hears only about the sites its page is about.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { trustedSender } from '../messaging/sender';
import { SITE_EVENTS_PORT, type SiteEvent } from '../messaging/site-events';
import { sitesForPage } from './page-sites';
import { updateAllBadges } from './site-status';

interface Listener {
  port: Runtime.Port;
  /** null: an extension page, which may hear about every site. */
  sites: Promise<string[]> | null;
}

const listeners = new Set<Listener>();

export function listenForSiteEventPorts(): void {
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SITE_EVENTS_PORT) return;
    const sender = port.sender ? trustedSender(port.sender, browser.runtime.id, extensionOrigin) : null;
    if (!sender) {
      port.disconnect();
      return;
    }
    const listener: Listener = {
      port,
      sites: sender.kind === 'content-script' ? sitesForPage(sender.page) : null,
    };
    listeners.add(listener);
    port.onDisconnect.addListener(() => listeners.delete(listener));
  });
}

let badgeTimer: ReturnType<typeof setTimeout> | null = null;

/** Something about `site` changed: tell whoever may know, and refresh the badges (at most every 300 ms). */
export function siteChanged(site: string, what: SiteEvent['what']): void {
  const event: SiteEvent = { site, what };
  for (const listener of listeners) {
    void (async () => {
      if (listener.sites && !(await listener.sites).includes(site)) return;
      try {
        listener.port.postMessage(event);
      } catch {
        listeners.delete(listener);
      }
    })();
  }
  badgeTimer ??= setTimeout(() => {
    badgeTimer = null;
    void updateAllBadges().catch(() => undefined);
  }, 300);
}
