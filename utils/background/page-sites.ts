/**
 * Which sites an admin page is about (docs/atlassian.md §7): the legacy page names its host; a
 * /s/{cloudId} page is the known site whose tenant_info gives that cloudId; an /o/{orgId} page
 * covers the org's sites: listed by the org API with a key for that org, else the sites Relink knows.
 */
import { storage } from 'wxt/utils/storage';
import type { AdminUserListPage } from '../page/admin-pages';
import { settingsItem } from '../storage/items';
import { clientsFor, orgClientFor } from './clients';

const cloudIdsItem = storage.defineItem<Record<string, string>>('local:cloud-ids', { fallback: {} });

export async function cloudIdOf(host: string): Promise<string | null> {
  const known = await cloudIdsItem.getValue();
  if (known[host]) return known[host];
  try {
    const cloudId = await (await clientsFor(host)).jira.cloudId();
    await cloudIdsItem.setValue({ ...(await cloudIdsItem.getValue()), [host]: cloudId });
    return cloudId;
  } catch {
    return null;
  }
}

/** A cache only (the worker may lose it at any time): every message from an org page asks which sites it covers. */
const orgSitesCache = new Map<string, { hosts: string[]; at: number }>();
const ORG_SITES_FRESH_MS = 5 * 60_000;

/** With the org's API key, its sites come from the org API (and become known sites); otherwise the sites Relink has seen. */
async function orgSites(orgId: string, knownSites: string[]): Promise<string[]> {
  const org = await orgClientFor(orgId);
  if (!org) return knownSites;
  const cached = orgSitesCache.get(orgId);
  if (cached && Date.now() - cached.at < ORG_SITES_FRESH_MS) return cached.hosts;
  try {
    const hosts = await org.jiraSiteHosts();
    orgSitesCache.set(orgId, { hosts, at: Date.now() });
    const merged = [...new Set([...knownSites, ...hosts])].sort();
    if (merged.length !== knownSites.length) await settingsItem.setValue({ knownSites: merged });
    return hosts;
  } catch {
    return knownSites;
  }
}

export async function sitesForPage(page: AdminUserListPage): Promise<string[]> {
  if (page.kind === 'legacy') return [page.siteHost];
  const { knownSites } = await settingsItem.getValue();
  if (page.kind === 'org') return orgSites(page.orgId, knownSites);
  const ids = await Promise.all(knownSites.map(async (host) => [host, await cloudIdOf(host)] as const));
  return ids.filter(([, id]) => id === page.cloudId).map(([host]) => host);
}
