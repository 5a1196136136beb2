/** Content script: "I am running on an admin user-list page." The page is re-derived from the sender's URL. */
import { settingsItem } from '../../storage/items';
import type { AdminUserListPage } from '../../page/admin-pages';
import { sitesForPage } from '../page-sites';
import { updateBadge } from '../site-status';
import { defineOperation } from './define';
import { NoInput } from './inputs';

export default defineOperation({
  input: NoInput,
  policy: 'content-script',
  async run(_input, sender): Promise<{ page: AdminUserListPage; siteHosts: string[] }> {
    if (sender.kind !== 'content-script') throw new Error('Only the admin page can say it opened.');
    const { page } = sender;
    const settings = await settingsItem.get();
    if (page.kind === 'legacy' && !settings.knownSites.includes(page.siteHost)) {
      await settingsItem.set({ ...settings, knownSites: [...settings.knownSites, page.siteHost].sort() });
    }
    void updateBadge(sender.tabId, sender.url).catch(() => undefined);
    return { page, siteHosts: await sitesForPage(page) };
  },
});
