/**
 * Content script: the admin answered "Which site is this list about?". Confirmed like a site the
 * page names: its tenant_info must answer, with this page's cloudId on a site's page.
 */
import { z } from 'zod';
import { t } from '../../i18n';
import { learnSites, sitesForPage } from '../page-sites';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ host: z.string().max(80) }),
  policy: 'content-script',
  async run({ host }, sender): Promise<{ siteHosts: string[] }> {
    if (sender.kind !== 'content-script' || sender.page.kind === 'legacy') throw new Error(t('pageSite.onlyOrgList'));
    const name = host
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    const site = Site.safeParse(name.includes('.') ? name : `${name}.atlassian.net`);
    if (!site.success) throw new Error(t('pageSite.notASite', { input: host }));
    const learnt = await learnSites(sender.page, [site.data]);
    if (!learnt.includes(site.data))
      throw new Error(
        t(sender.page.kind === 'site-admin' ? 'pageSite.notThisSite' : 'pageSite.noAnswer', { site: site.data }),
      );
    return { siteHosts: await sitesForPage(sender.page) };
  },
});
