import browser, { type Runtime } from 'webextension-polyfill';
import { z } from 'zod';
import { resumeBulk } from '@/utils/background/bulk';
import { auditLog } from '@/utils/background/engine-service';
import { handleRequest } from '@/utils/background/handle-request';
import { updateBadge } from '@/utils/background/site-status';
import { trustedSender } from '@/utils/messaging/sender';
import { markScansInterrupted } from '@/utils/storage/site-data';

export default defineBackground(() => {
  // MV3 forbids eval: keep zod from even probing for it (the probe is reported as a CSP violation).
  z.config({ jitless: true });
  const extensionOrigin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const trusted = trustedSender(sender, browser.runtime.id, extensionOrigin);
    if (!trusted) return Promise.resolve({ ok: false, error: 'Relink ignored a message from an untrusted sender.' });
    return handleRequest(message, trusted).catch((error: unknown) => ({
      ok: false,
      error: error instanceof Error ? error.message : 'Relink’s background failed unexpectedly.',
    }));
  });
  // The badge follows the tab: host permissions give Relink the URLs of Atlassian tabs only.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' || change.url) void updateBadge(tabId, tab.url).catch(() => undefined);
  });
  // A worker stopped mid-step left "running" entries: say so instead of leaving them open.
  void auditLog.markInterrupted().then(resumeBulk);
  void markScansInterrupted(Date.now());
});
