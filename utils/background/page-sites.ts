/**
 * Which sites an admin page is about (docs/atlassian.md §7): the legacy page names its host; a
 * /s/{cloudId} page is the known site whose tenant_info gives that cloudId; an /o/{orgId} page
 * covers the org's sites: listed by the org API with a key for that org, else the sites Relink knows.
 * Relink learns sites from the pages themselves: each site a page names (or the admin types when
 * it names none) becomes known once its tenant_info answers — with the page's cloudId on a
 * /s/{cloudId} page. Page text alone is never trusted [assumed: an org page names only its sites].
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

/** Confirms candidate sites for an admin.atlassian.com page and remembers those that hold; answers them. */
export async function learnSites(page: AdminUserListPage, candidates: string[]): Promise<string[]> {
  if (page.kind === 'legacy') return [];
  if (page.kind === 'site-admin' && (await sitesForPage(page)).length > 0) return [];
  const confirmed: string[] = [];
  for (const host of [...new Set(candidates)].slice(0, 20)) {
    const cloudId = await cloudIdOf(host);
    if (cloudId && (page.kind === 'org' || cloudId === page.cloudId)) confirmed.push(host);
  }
  const { knownSites } = await settingsItem.get();
  const merged = [...new Set([...knownSites, ...confirmed])].sort();
  if (merged.length !== knownSites.length)
    await settingsItem.set({ ...(await settingsItem.get()), knownSites: merged });
  return confirmed;
}
