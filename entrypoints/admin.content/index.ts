import { startHiddenUsers } from '@/components/page/hidden-users-controller';
import { sendToBackground } from '@/utils/messaging/send';
import { siteCandidates } from '@/utils/page/host-selectors';

interface Runtime {
  id: string;
  onMessage: {
    addListener(
      listener: (message: unknown, sender: { id?: string }, reply: (answer: unknown) => void) => boolean | undefined,
    ): void;
  };
}

/**
 * Loaded on every admin page (the admin app navigates without reloads), active only on the
 * user-list pages that adminUserListPage() recognises. An activation lives while the page is the
 * same list (its kind and id): a change of query string is a change of view, which the
 * controller follows; another list, or leaving it, starts over.
 */
export default defineContentScript({
  matches: ['https://admin.atlassian.com/*', 'https://*.atlassian.net/admin/*'],
  runAt: 'document_idle',
  main(ctx) {
    let current: AbortController | null = null;
    let sites: (() => string[]) | null = null;
    let listKey: string | null = null;
    // The navigate event fires before location.href changes, so the new URL comes with it.
    const sync = async (href: string) => {
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
      ctx.onInvalidated(() => activation.abort());
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
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void sync(event.newUrl.href));
    void sync(location.href);

    // The popup's page check and "Copy page skeleton": the page as it is now, read and sanitized in the
    // popup (utils/page/page-check.ts). Only Relink's own pages can send this.
    const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
    const runtime = g.browser?.runtime ?? g.chrome?.runtime;
    runtime?.onMessage.addListener((message, sender, reply) => {
      const ask = message as { relink?: string } | null;
      if (sender.id !== runtime.id || ask?.relink !== 'inspect') return undefined;
      reply({ html: document.documentElement.outerHTML, sites: sites?.() });
      return undefined;
    });
  },
});
