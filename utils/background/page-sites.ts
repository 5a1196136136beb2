/**
 * Which sites an admin page is about (domain.md §7): the legacy page names its host; a
 * /s/{cloudId} page is the known site whose tenant_info gives that cloudId; an /o/{orgId} page
 * covers the sites Relink knows [assumed: without an org key Relink cannot list the org's sites].
 */
import { storage } from 'wxt/utils/storage';
import type { AdminUserListPage } from '../page/admin-pages';
import { settingsItem } from '../storage/items';
import { clientsFor } from './clients';

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

export async function sitesForPage(page: AdminUserListPage): Promise<string[]> {
  if (page.kind === 'legacy') return [page.siteHost];
  const { knownSites } = await settingsItem.getValue();
  if (page.kind === 'org') return knownSites;
  const ids = await Promise.all(knownSites.map(async (host) => [host, await cloudIdOf(host)] as const));
  return ids.filter(([, id]) => id === page.cloudId).map(([host]) => host);
}
