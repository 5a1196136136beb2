/** Atlassian clients built from the admin's auth settings; the only place secrets are read. */
import { browserTransport, type Auth, type Transport } from '../atlassian/http';
import { JiraClient } from '../atlassian/jira-client';
import { OrgClient } from '../atlassian/org-client';
import type { AuthSettings } from '../domain/records';
import { authItem } from '../storage/items';
import { orgSiteHosts } from './org-sites';

export interface Clients {
  jira: JiraClient;
  org: OrgClient | null;
  auth: AuthSettings;
}

/** Requests sent per host, for scan statistics: scans of several sites run at once. */
const sentTo = new Map<string, number>();
export const requestsSentTo = (host: string): number => sentTo.get(host) ?? 0;

function countingTransport(base: Transport = browserTransport()): Transport {
  return {
    ...base,
    onRequest: ({ url }) => {
      const { host } = new URL(url);
      sentTo.set(host, (sentTo.get(host) ?? 0) + 1);
    },
  };
}

const transport = countingTransport();

/** The API token goes only to the sites the admin chose for it; any other site gets the browser session. */
export function jiraAuthFor(auth: AuthSettings, site: string): Extract<Auth, { mode: 'session' | 'api-token' }> {
  return auth.mode === 'api-token' && auth.email && auth.apiToken && auth.tokenSites.includes(site)
    ? { mode: 'api-token', email: auth.email, token: auth.apiToken }
    : { mode: 'session' };
}

const orgClient = (auth: AuthSettings) =>
  auth.orgId && auth.orgKey ? new OrgClient(auth.orgId, auth.orgKey, transport) : null;

/** An org API client, when the admin's key is for this org. */
export async function orgClientFor(orgId: string): Promise<OrgClient | null> {
  const auth = await authItem.get();
  return auth.orgId === orgId ? orgClient(auth) : null;
}

/** The clients for one site: the org API only when the key's org owns the site. */
export async function clientsFor(site: string): Promise<Clients> {
  const auth = await authItem.get();
  const org = orgClient(auth);
  const orgOwnsSite = org !== null && ((await orgSiteHosts(org)) ?? []).includes(site);
  return { jira: new JiraClient(site, jiraAuthFor(auth, site), transport), org: orgOwnsSite ? org : null, auth };
}
