/**
 * Which sites an admin page is about (docs/atlassian.md §7): the legacy page names its host; a
 * /s/{cloudId} page is the known site whose tenant_info gives that cloudId; an /o/{orgId} page
 * covers the org's sites: listed by the org API with a key for that org, else the sites Relink knows.
 */
import type { AdminUserListPage } from '../page/admin-pages';
import { cloudIdsItem, settingsItem } from '../storage/items';
import { clientsFor, orgClientFor } from './clients';
import { orgSiteHosts } from './org-sites';

export async function cloudIdOf(host: string): Promise<string | null> {
  const known = await cloudIdsItem.get();
  if (known[host]) return known[host];
  try {
    const cloudId = await (await clientsFor(host)).jira.cloudId();
    await cloudIdsItem.set({ ...(await cloudIdsItem.get()), [host]: cloudId });
    return cloudId;
  } catch {
    return null;
  }
}

/** With the org's API key, its sites come from the org API (and become known sites); otherwise the sites Relink has seen. */
async function orgSites(orgId: string, knownSites: string[]): Promise<string[]> {
  const org = await orgClientFor(orgId);
  if (!org) return knownSites;
  const hosts = await orgSiteHosts(org);
  if (!hosts) return knownSites;
  const merged = [...new Set([...knownSites, ...hosts])].sort();
  if (merged.length !== knownSites.length) await settingsItem.set({ knownSites: merged });
  return hosts;
}

export async function sitesForPage(page: AdminUserListPage): Promise<string[]> {
  if (page.kind === 'legacy') return [page.siteHost];
  const { knownSites } = await settingsItem.get();
  if (page.kind === 'org') return orgSites(page.orgId, knownSites);
  const ids = await Promise.all(knownSites.map(async (host) => [host, await cloudIdOf(host)] as const));
  return ids.filter(([, id]) => id === page.cloudId).map(([host]) => host);
}
