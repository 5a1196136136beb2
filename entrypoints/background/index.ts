import browser, { type Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { auditLog } from '@/utils/background/audit-log';
import { resumeBulk } from '@/utils/background/bulk';
import { route } from '@/utils/background/router';
import { listenForSiteEventPorts } from '@/utils/background/site-events';
import { updateBadge } from '@/utils/background/site-status';
import { removeLeftoverOriginRules } from '@/utils/background/xsrf-origin';
import { trustedSender } from '@/utils/messaging/sender';
import { protectStorage } from '@/utils/storage/protect';
import { markScansInterrupted } from '@/utils/storage/scan-states';

export default defineBackground(() => {
  // MV3 forbids eval: keep zod from even probing for it (the probe is reported as a CSP violation).
  z.config({ jitless: true });
  // Before anything reads a record: content scripts must not read or write what the background trusts.
  protectStorage();
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const trusted = trustedSender(sender, browser.runtime.id, extensionOrigin);
    if (!trusted)
      return Promise.resolve({
        ok: false,
        kind: 'forbidden',
        error: 'Relink ignored a message from an untrusted sender.',
      });
    return route(message, trusted);
  });
  listenForSiteEventPorts();
  // The badge follows the tab: host permissions give Relink the URLs of Atlassian tabs only.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' || change.url) void updateBadge(tabId, tab.url).catch(() => undefined);
  });
  // A worker stopped mid-step left "running" entries: say so instead of leaving them open.
  void auditLog.markInterrupted().then(resumeBulk);
  void markScansInterrupted(Date.now());
  // Relink's Origin rule lives only while it writes: one left by a worker stopped mid-write goes now.
  void removeLeftoverOriginRules().catch(() => undefined);
});
