/** "Signed in as …": who Relink acts as on a site, and whether they may do what Relink needs. */
import { clientsFor, jiraAuthFor } from './clients';

export interface AuthCheckReply {
  site: string;
  mode: 'session' | 'api-token';
  displayName: string;
  accountId: string;
  siteAdmin: boolean;
  administerJira: boolean;
  browseUsers: boolean;
}

export async function checkAuth(site: string): Promise<AuthCheckReply> {
  const { jira, auth } = await clientsFor(site);
  const [me, permissions] = await Promise.all([
    jira.myself(['groups']),
    jira.permissions(['ADMINISTER', 'USER_PICKER']),
  ]);
  // [assumed] Jira exposes no site-admin flag; membership of site-admins is the signal Relink has.
  const siteAdmin = (me.groups?.items ?? []).some((g) => g.name === 'site-admins');
  return {
    site,
    mode: jiraAuthFor(auth, site).mode,
    displayName: me.displayName,
    accountId: me.accountId,
    siteAdmin,
    administerJira: permissions.ADMINISTER ?? false,
    browseUsers: permissions.USER_PICKER ?? false,
  };
}
