/**
 * The Jira sites of the organization an org API key belongs to, from the org's workspaces. The key
 * is used only for these sites: a page on any other site (anyone can own one) gets nothing of it.
 * Cached in memory for five minutes; the worker may lose the cache at any time and asks again.
 */
import type { OrgClient } from '../atlassian/org-client';

const cache = new Map<string, { hosts: string[]; at: number }>();
const FRESH_MS = 5 * 60_000;

/** The org's site hosts, or null when the org API cannot say (then the key covers no site). */
export async function orgSiteHosts(org: OrgClient): Promise<string[] | null> {
  const cached = cache.get(org.orgId);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.hosts;
  try {
    const hosts = await org.jiraSiteHosts();
    cache.set(org.orgId, { hosts, at: Date.now() });
    return hosts;
  } catch {
    return null;
  }
}
