import { startHiddenUsers } from '@/components/page/hidden-users-controller';
import { sendToBackground } from '@/utils/messaging/send';
import { siteCandidates } from '@/utils/page/host-selectors';
import { watchLocation } from '@/utils/page/watch-location';

interface Runtime {
  id: string;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: { id?: string }, reply: (answer: unknown) => void) => boolean | undefined,
    ): void;
  };
}

/**
 * The content script, loaded on every admin page (the admin app navigates without reloads; the
 * manifest's content_scripts entry is in wxt.config.ts), active only on the user-list pages that
 * adminUserListPage() recognises. An activation lives while the page is the same list (its kind and
 * id): a change of query string is a change of view, which the controller follows; another list, or
 * leaving it, starts over. An unlisted script rather than WXT's content-script entrypoint: that one
 * brings a 3 kB runtime to every admin page, of which Relink needs only the URL watch and the
 * hand-over below.
 */
export default defineUnlistedScript(() => {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  let current: AbortController | null = null;
  let sites: (() => string[]) | null = null;
  let listKey: string | null = null;
  let stopped = false;
  // A newer copy of this script (Relink updated or reloaded while the page stayed open) takes over:
  // this one takes its rows away and stops.
  const started = `relink:${runtime?.id ?? ''}:started`;
  document.dispatchEvent(new Event(started));
  document.addEventListener(started, () => {
    stopped = true;
    current?.abort();
  });
  const sync = async (href: string) => {
    if (stopped) return;
    // The list's kind and id (docs/atlassian.md §7); the background checks the page again from its URL.
    const url = new URL(href);
    const key = /^(admin\.atlassian\.com\/[os]\/[\w-]+|[\w-]+\.atlassian\.net\/admin)\/users\/?$/.test(
      url.host + url.pathname,
    )
      ? url.host + url.pathname.replace(/\/$/, '')
      : null;
    if (key === listKey) return;
    listKey = key;
    current?.abort();
    current = null;
    sites = null;
    if (!key) return;
    const activation = new AbortController();
    current = activation;
    try {
      // The sites the page names (links, its site switcher) are candidates the background confirms;
      // the app renders them a moment after it loads, so Relink looks again a few times.
      let siteHosts: string[] = [];
      for (let tries = 0; tries < 4 && !siteHosts.length && !activation.signal.aborted; tries++) {
        if (tries) await new Promise((r) => setTimeout(r, 700));
        ({ siteHosts } = await sendToBackground({ type: 'page/opened', candidates: siteCandidates(document) }));
      }
      if (activation.signal.aborted) return;
      sites = startHiddenUsers(siteHosts, activation.signal);
    } catch (error) {
      console.warn('[Relink] Could not start on this page:', error instanceof Error ? error.message : error);
    }
  };
  watchLocation((href) => void sync(href));
  void sync(location.href);

  // The popup's page check and "Copy page skeleton": the page as it is now, read and sanitized in the
  // popup (utils/page/page-check.ts). Only Relink's own pages can send this.
  runtime?.onMessage.addListener((message, sender, reply) => {
    const ask = message as { relink?: string } | null;
    if (sender.id !== runtime.id || ask?.relink !== 'inspect') return undefined;
    reply({ html: document.documentElement.outerHTML, sites: sites?.() });
    return undefined;
  });
});
