/** The org admin API calls Relink makes with an org API key (docs/atlassian.md §5). Background only. */
import { z } from 'zod';
import { callAtlassian, type Transport } from './http';
import { DirectoryPageSchema, DirectoryUserSchema, parseEach, WorkspacePageSchema } from './schemas';

const API = 'https://api.atlassian.com';

export class OrgClient {
  constructor(
    readonly orgId: string,
    private readonly key: string,
    private readonly transport: Transport,
  ) {}

  private get auth() {
    return { mode: 'org-key' as const, key: this.key };
  }

  /** One page of v2 directory users; pass the previous page's `next` link to continue. */
  async directoryUsersPage(next?: string, accountIds?: string[]) {
    const url = new URL(next ?? `${API}/admin/v2/orgs/${encodeURIComponent(this.orgId)}/directories/-/users`);
    if (url.origin !== API) throw new Error('The org API sent a next-page link to another host; Relink stopped.');
    if (!next) url.searchParams.set('limit', '1000');
    if (!next && accountIds?.length) url.searchParams.set('accountIds', accountIds.join(','));
    const page = await callAtlassian(this.transport, {
      method: 'GET',
      url: url.href,
      auth: this.auth,
      schema: DirectoryPageSchema,
      doing: 'list the org directory',
    });
    return { users: parseEach(DirectoryUserSchema, page.data), next: page.links?.next };
  }

  /**
   * The org's Jira sites, from the workspaces API (admin-organization spec, queryWorkspacesV2).
   * [assumed] One page of up to 100 workspaces covers an org; larger orgs need its cursor.
   */
  async jiraSiteHosts(): Promise<string[]> {
    const page = await callAtlassian(this.transport, {
      method: 'POST',
      url: `${API}/admin/v2/orgs/${encodeURIComponent(this.orgId)}/workspaces`,
      auth: this.auth,
      body: { limit: 100 },
      schema: WorkspacePageSchema,
      doing: 'list the organization’s sites',
    });
    const hosts = page.data.map((w) =>
      (w.attributes?.hostUrl ?? '')
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .toLowerCase(),
    );
    return [...new Set(hosts.filter((h) => /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/.test(h)))].sort();
  }

  /** Restores suspended access. A success may come with JSON, or with no body at all (docs/atlassian.md §8). */
  restore(accountId: string, doing: string) {
    return callAtlassian(this.transport, {
      method: 'POST',
      url: `${API}/admin/v2/orgs/${encodeURIComponent(this.orgId)}/directories/-/users/${encodeURIComponent(accountId)}/restore`,
      auth: this.auth,
      schema: z.unknown(),
      allowEmpty: true,
      doing,
    });
  }

  enableAccount(accountId: string, doing: string) {
    return callAtlassian(this.transport, {
      method: 'POST',
      url: `${API}/users/${encodeURIComponent(accountId)}/manage/lifecycle/enable`,
      auth: this.auth,
      doing,
    });
  }
}
