/**
 * Atlassian's XSRF filter rejects writes whose Origin is not the site (docs/atlassian.md §4), and a
 * service worker's writes carry `chrome-extension://…`. A declarativeNetRequest session rule per
 * site sets Origin to the site itself, for requests that come from no tab (tabIds -1: the
 * extension's own background requests), writes only — pages are never touched (docs/testing.md).
 */
import browser from 'webextension-polyfill';

/** A stable rule id per site host, in 1..2^31-1. */
function ruleIdFor(host: string): number {
  let h = 2166136261;
  for (const c of host) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 1 || 1;
}

function originRule(host: string) {
  return {
    id: ruleIdFor(host),
    priority: 1,
    action: {
      type: 'modifyHeaders' as const,
      requestHeaders: [{ header: 'origin', operation: 'set' as const, value: `https://${host}` }],
    },
    condition: {
      requestDomains: [host],
      tabIds: [-1],
      requestMethods: ['post' as const, 'put' as const, 'delete' as const],
      resourceTypes: ['xmlhttprequest' as const],
    },
  };
}

const ensured = new Set<string>();

export async function ensureOriginRule(host: string): Promise<void> {
  if (ensured.has(host)) return;
  const rule = originRule(host);
  // Session rules live as long as the browser session, not the worker: re-adding is idempotent.
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [rule.id], addRules: [rule] });
  ensured.add(host);
}
