import { adminUserListPage } from '@/utils/page/admin-pages';
import { sendToBackground } from '@/utils/messaging/send';
import { mountStatusChip } from './status-chip';

/**
 * Loaded on every admin page (the admin app navigates without reloads), active only on
 * the user-list pages that adminUserListPage() recognises.
 */
export default defineContentScript({
  matches: ['https://admin.atlassian.com/*', 'https://*.atlassian.net/admin/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    let unmount: (() => void) | null = null;
    let generation = 0;
    // The navigate event fires before location.href changes, so the new URL comes with it.
    const sync = async (href: string) => {
      const mine = ++generation;
      unmount?.();
      unmount = null;
      if (!adminUserListPage(href)) return;
      const chip = await mountStatusChip(ctx, 'Relink is checking this page…');
      if (mine !== generation) return chip.remove();
      unmount = chip.remove;
      try {
        const reply = await sendToBackground({ type: 'page/opened' });
        if (mine !== generation) return;
        chip.setText(
          reply.siteHosts.length > 0
            ? `Relink is active for ${reply.siteHosts.join(', ')}`
            : 'Relink is active (site not known yet)',
        );
      } catch (error) {
        if (mine === generation) chip.setText(error instanceof Error ? error.message : 'Relink could not reach its background.');
      }
    };
    ctx.addEventListener(window, 'wxt:locationchange', (event) => void sync(event.newUrl.href));
    void sync(location.href);
  },
});
