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
    const sync = async () => {
      const page = adminUserListPage(location.href);
      unmount?.();
      unmount = null;
      if (!page) return;
      const mountedFor = location.href;
      const chip = await mountStatusChip(ctx, 'Relink is checking this page…');
      unmount = chip.remove;
      try {
        const reply = await sendToBackground({ type: 'page/opened' });
        if (location.href !== mountedFor) return;
        chip.setText(
          reply.siteHosts.length > 0
            ? `Relink is active for ${reply.siteHosts.join(', ')}`
            : 'Relink is active (site not known yet)',
        );
      } catch (error) {
        chip.setText(error instanceof Error ? error.message : 'Relink could not reach its background.');
      }
    };
    ctx.addEventListener(window, 'wxt:locationchange', () => void sync());
    void sync();
  },
});
