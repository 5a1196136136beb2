/** Atlassian clients built from the admin's auth settings; the only place secrets are read. */
import { browserTransport, type Auth, type Transport } from '../atlassian/http';
import { JiraClient } from '../atlassian/jira-client';
import { OrgClient } from '../atlassian/org-client';
import { authItem, type AuthSettings } from '../storage/items';

export interface Clients {
  jira: JiraClient;
  org: OrgClient | null;
  auth: AuthSettings;
}

/** Counts requests for scan statistics; shared by every client the background makes. */
export const requestCounter = { sent: 0 };

function countingTransport(base: Transport = browserTransport()): Transport {
  return {
    ...base,
    onRequest: () => {
      requestCounter.sent++;
    },
  };
}

const transport = countingTransport();

function jiraAuth(auth: AuthSettings): Auth {
  return auth.mode === 'api-token' && auth.email && auth.apiToken
    ? { mode: 'api-token', email: auth.email, token: auth.apiToken }
    : { mode: 'session' };
}

const orgClient = (auth: AuthSettings) =>
  auth.orgId && auth.orgKey ? new OrgClient(auth.orgId, auth.orgKey, transport) : null;

/** An org API client, when the admin's key is for this org. */
export async function orgClientFor(orgId: string): Promise<OrgClient | null> {
  const auth = await authItem.getValue();
  return auth.orgId === orgId ? orgClient(auth) : null;
}

export async function clientsFor(site: string): Promise<Clients> {
  const auth = await authItem.getValue();
  return { jira: new JiraClient(site, jiraAuth(auth), transport), org: orgClient(auth), auth };
}
