import { HiddenUsersController } from '@/components/page/hidden-users-controller';
import { sendToBackground } from '@/utils/messaging/send';
import { adminUserListPage } from '@/utils/page/admin-pages';

/**
 * Loaded on every admin page (the admin app navigates without reloads), active only on the
 * user-list pages that adminUserListPage() recognises. Each activation lives until the next
 * navigation or the end of the content-script context.
 */
export default defineContentScript({
  matches: ['https://admin.atlassian.com/*', 'https://*.atlassian.net/admin/*'],
  runAt: 'document_idle',
  main(ctx) {
    let current: AbortController | null = null;
    // The navigate event fires before location.href changes, so the new URL comes with it.
    const sync = async (href: string) => {
      current?.abort();
      current = null;
      if (!adminUserListPage(href)) return;
      const activation = new AbortController();
      current = activation;
      ctx.onInvalidated(() => activation.abort());
      try {
        const { siteHosts } = await sendToBackground({ type: 'page/opened' });
        if (!activation.signal.aborted) new HiddenUsersController(siteHosts, activation.signal).start();
      } catch (error) {
        console.warn('[Relink] Could not start on this page:', error instanceof Error ? error.message : error);
      }
    };
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void sync(event.newUrl.href));
    void sync(location.href);
  },
});
