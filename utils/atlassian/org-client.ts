/** The org admin API calls Relink makes with an org API key (docs/atlassian.md §5). Background only. */
import { z } from 'zod';
import { t } from '../i18n';
import { callAtlassian, inspectAtlassian, type RawAnswer, type Transport } from './http';
import { EventPageSchema, LastActiveSchema, OrgEventSchema } from './record-schemas';
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
    if (url.origin !== API) throw new Error(t('errors.orgNextPage'));
    if (!next) url.searchParams.set('limit', '1000');
    if (!next && accountIds?.length) url.searchParams.set('accountIds', accountIds.join(','));
    const page = await callAtlassian(this.transport, {
      method: 'GET',
      url: url.href,
      auth: this.auth,
      schema: DirectoryPageSchema,
      doing: t('doing.listDirectory'),
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
      doing: t('doing.listOrgSites'),
    });
    const hosts = page.data.map((w) =>
      (w.attributes?.hostUrl ?? '')
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .toLowerCase(),
    );
    return [...new Set(hosts.filter((h) => /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/.test(h)))].sort();
  }

  /** One page of the org's event log, newest first (docs/atlassian.md §9); pass the previous page's cursor. */
  async eventsPage(query: { action: string; from?: number; cursor?: string | null }) {
    const url = new URL(`${API}/admin/v1/orgs/${encodeURIComponent(this.orgId)}/events`);
    url.searchParams.set('action', query.action);
    if (query.from !== undefined) url.searchParams.set('from', String(query.from));
    if (query.cursor) url.searchParams.set('cursor', query.cursor);
    const page = await callAtlassian(this.transport, {
      method: 'GET',
      url: url.href,
      auth: this.auth,
      schema: EventPageSchema,
      doing: t('doing.readOrgEvents'),
    });
    const nextLink = page.links?.next ? new URL(page.links.next, API).searchParams.get('cursor') : null;
    return { events: parseEach(OrgEventSchema, page.data), cursor: page.meta?.next ?? nextLink ?? null };
  }

  /** When the user last used each product, per product instance (docs/atlassian.md §9). [assumed] One page. */
  async lastActiveDates(accountId: string) {
    const page = await callAtlassian(this.transport, {
      method: 'GET',
      url: `${API}/admin/v1/orgs/${encodeURIComponent(this.orgId)}/directory/users/${encodeURIComponent(accountId)}/last-active-dates`,
      auth: this.auth,
      schema: LastActiveSchema,
      doing: t('doing.readLastActive'),
    });
    return page.data.product_access;
  }

  /** One page of the v2 directory answered as it came, for the field check (utils/background/field-check.ts). */
  inspectDirectory(limit: number): Promise<RawAnswer> {
    const url = new URL(`${API}/admin/v2/orgs/${encodeURIComponent(this.orgId)}/directories/-/users`);
    url.searchParams.set('limit', String(limit));
    return inspectAtlassian(this.transport, { url: url.href, auth: this.auth, doing: t('doing.checkDirectory') });
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
