/**
 * Atlassian's XSRF filter rejects writes whose Origin is not the site (docs/atlassian.md §4), and a
 * service worker's writes carry `chrome-extension://…`. A declarativeNetRequest session rule sets
 * Origin to the site itself — but only for Relink's own requests and only while Relink is writing:
 *
 * - `initiatorDomains: [Relink's own host]`: `tabIds: [-1]` alone means "from no tab", which also
 *   covers a page's SharedWorker or ServiceWorker; with the initiator, a worker of
 *   evil.atlassian.net cannot borrow the site's Origin.
 * - The rule exists only inside `withOriginRule`: added before Relink's writes to a site, removed
 *   after the last of them ends (counted per site, so concurrent writes share it), even when a
 *   write throws. `removeLeftoverOriginRules` clears what a stopped worker left behind.
 */
import browser from 'webextension-polyfill';

/** A stable rule id per site host, in 1..2^31-1. */
function ruleIdFor(host: string): number {
  let h = 2166136261;
  for (const c of host) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 1 || 1;
}

/** Relink's own host as the initiator of its requests: the extension id, or Firefox's moz-extension UUID. */
const ownHost = () => new URL(browser.runtime.getURL('/')).host;

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
      initiatorDomains: [ownHost()],
      tabIds: [-1],
      requestMethods: ['post' as const, 'put' as const, 'delete' as const],
      resourceTypes: ['xmlhttprequest' as const],
    },
  };
}

/** Writes in progress per site host. */
const writers = new Map<string, number>();
const installed = new Set<string>();
/** Rule updates run one at a time, each deciding from the counts as they are when it runs. */
let updates: Promise<unknown> = Promise.resolve();

function serially<T>(update: () => Promise<T>): Promise<T> {
  const next = updates.then(update, update);
  updates = next.catch(() => undefined);
  return next;
}

/** Makes the rule of `host` present exactly when someone is writing to it. */
function sync(host: string): Promise<void> {
  return serially(async () => {
    const wanted = (writers.get(host) ?? 0) > 0;
    if (wanted === installed.has(host)) return;
    const rule = originRule(host);
    await browser.declarativeNetRequest.updateSessionRules(
      wanted ? { removeRuleIds: [rule.id], addRules: [rule] } : { removeRuleIds: [rule.id] },
    );
    if (wanted) installed.add(host);
    else installed.delete(host);
  });
}

/** Runs `write` (Relink's writes to `host`) with the Origin rule of `host` in place, and removes it after. */
export async function withOriginRule<T>(host: string, write: () => Promise<T>): Promise<T> {
  writers.set(host, (writers.get(host) ?? 0) + 1);
  try {
    await sync(host);
    return await write();
  } finally {
    const left = (writers.get(host) ?? 1) - 1;
    if (left > 0) writers.set(host, left);
    else writers.delete(host);
    // The write's own outcome matters more than a failed removal; the next start removes it.
    await sync(host).catch((error: unknown) => console.error('[Relink] Could not remove the Origin rule', error));
  }
}

/** At start: removes Origin rules a stopped worker left behind (none of them is in use by now). */
export function removeLeftoverOriginRules(): Promise<void> {
  return serially(async () => {
    const inUse = new Set([...installed].map(ruleIdFor));
    const leftover = (await browser.declarativeNetRequest.getSessionRules())
      .filter(
        (r) =>
          !inUse.has(r.id) &&
          r.action.type === 'modifyHeaders' &&
          (r.action.requestHeaders ?? []).some((h) => h.header.toLowerCase() === 'origin'),
      )
      .map((r) => r.id);
    if (leftover.length > 0) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: leftover });
  });
}
