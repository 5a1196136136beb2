/**
 * Content script: "I am running on an admin user-list page", with the sites the page names (its
 * links, site switcher, filters). The page is re-derived from the sender's URL; a candidate site
 * counts only once its tenant_info confirms it (utils/background/page-sites.ts).
 */
import { z } from 'zod';
import { settingsItem } from '../../storage/items';
import type { AdminUserListPage } from '../../page/admin-pages';
import { learnSites, sitesForPage } from '../page-sites';
import { updateBadge } from '../site-status';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ candidates: z.array(Site).max(20).optional() }),
  policy: 'content-script',
  async run({ candidates }, sender): Promise<{ page: AdminUserListPage; siteHosts: string[] }> {
    if (sender.kind !== 'content-script') throw new Error('Only the admin page can say it opened.');
    const { page } = sender;
    const settings = await settingsItem.get();
    if (page.kind === 'legacy' && !settings.knownSites.includes(page.siteHost)) {
      await settingsItem.set({ ...settings, knownSites: [...settings.knownSites, page.siteHost].sort() });
    }
    if (page.kind !== 'legacy' && candidates?.length) await learnSites(page, candidates);
    void updateBadge(sender.tabId, sender.url).catch(() => undefined);
    return { page, siteHosts: await sitesForPage(page) };
  },
});
