/** The Jira Cloud REST calls Relink makes on one site (docs/atlassian.md §3). Background only. */
import { z } from 'zod';
import { t } from '../i18n';
import { callAtlassian, inspectAtlassian, type Auth, type RawAnswer, type Transport } from './http';
import { AuditPageSchema, AuditRecordSchema } from './record-schemas';
import {
  ApplicationRoleSchema,
  GroupBulkPageSchema,
  GroupMemberPageSchema,
  GroupRefSchema,
  JiraUserSchema,
  MemberRefSchema,
  parseEach,
  PermissionsSchema,
  TenantInfoSchema,
  type GroupRef,
  type JiraUser,
  type ParsedList,
} from './schemas';

export class JiraClient {
  constructor(
    readonly host: string,
    private readonly auth: Auth,
    private readonly transport: Transport,
  ) {}

  private url(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
    const url = new URL(path, `https://${this.host}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.href;
  }

  private get<T>(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    schema: z.ZodType<T>,
    doing?: string,
  ) {
    return callAtlassian(this.transport, { method: 'GET', url: this.url(path, query), auth: this.auth, schema, doing });
  }

  /** One page of GET /users/search: a bare array, with every account the site knows. */
  async usersPage(startAt: number, maxResults: number): Promise<ParsedList<JiraUser>> {
    const values = await this.get(
      '/rest/api/3/users/search',
      { startAt, maxResults },
      z.array(z.unknown()),
      t('doing.listUsers'),
    );
    return parseEach(JiraUserSchema, values);
  }

  user(
    accountId: string,
    expand: ('groups' | 'applicationRoles')[] = ['groups', 'applicationRoles'],
  ): Promise<JiraUser> {
    return this.get(
      '/rest/api/3/user',
      { accountId, expand: expand.join(',') || undefined },
      JiraUserSchema,
      t('doing.readUser'),
    );
  }

  /** One page of a group's members, inactive ones included; by name for a group Atlassian gave no id (docs/atlassian.md §8). */
  async groupMembersPage(group: GroupRef, startAt: number, maxResults = 50) {
    const page = await this.get(
      '/rest/api/3/group/member',
      {
        ...(group.groupId ? { groupId: group.groupId } : { groupname: group.name }),
        includeInactiveUsers: true,
        startAt,
        maxResults,
      },
      GroupMemberPageSchema,
      t('doing.listGroupMembers'),
    );
    return { ...page, members: parseEach(MemberRefSchema, page.values) };
  }

  /** One page of group/bulk, each group parsed on its own; `groupId` may be null (the spec allows it). */
  async groupsPage(startAt: number, maxResults = 50) {
    const page = await this.get(
      '/rest/api/3/group/bulk',
      { startAt, maxResults },
      GroupBulkPageSchema,
      t('doing.listGroups'),
    );
    return { ...page, groups: parseEach(GroupRefSchema, page.values) };
  }

  applicationRoles() {
    return this.get('/rest/api/3/applicationrole', {}, z.array(ApplicationRoleSchema), t('doing.readProducts'));
  }

  myself(expand: 'groups'[] = []) {
    return this.get(
      '/rest/api/3/myself',
      { expand: expand.join(',') || undefined },
      JiraUserSchema,
      t('doing.checkSignIn'),
    );
  }

  async permissions(keys: string[]): Promise<Record<string, boolean>> {
    const answer = await this.get(
      '/rest/api/3/mypermissions',
      { permissions: keys.join(',') },
      PermissionsSchema,
      t('doing.checkPermissions'),
    );
    return Object.fromEntries(keys.map((k) => [k, answer.permissions[k]?.havePermission ?? false]));
  }

  /** A GET on the site answered as it came, for the field check (utils/background/field-check.ts). */
  inspect(path: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<RawAnswer> {
    return inspectAtlassian(this.transport, {
      url: this.url(path, query),
      auth: this.auth,
      doing: t('doing.checkField'),
    });
  }

  async cloudId(): Promise<string> {
    return (await this.get('/_edge/tenant_info', {}, TenantInfoSchema)).cloudId;
  }

  /**
   * One page of Jira's audit log, newest first (docs/atlassian.md §9): `filter` terms, `from` as Jira
   * wrote a record's `created`. Needs Administer Jira; 403 also when the log is off or unavailable.
   */
  async auditRecordsPage(query: { offset: number; limit: number; filter?: string; from?: string }) {
    const page = await this.get('/rest/api/3/auditing/record', query, AuditPageSchema, t('doing.readAuditLog'));
    return { total: page.total, count: page.records.length, records: parseEach(AuditRecordSchema, page.records) };
  }

  /** Re-adds an existing account (or invites a new one) with these products (docs/atlassian.md §3, §6). */
  addUserToSite(emailAddress: string, products: string[], doing: string): Promise<JiraUser> {
    return callAtlassian(this.transport, {
      method: 'POST',
      url: this.url('/rest/api/3/user'),
      auth: this.auth,
      body: { emailAddress, products },
      schema: JiraUserSchema,
      doing,
    });
  }

  addToGroup(group: GroupRef & { groupId: string }, accountId: string, doing: string): Promise<unknown> {
    return callAtlassian(this.transport, {
      method: 'POST',
      url: this.url('/rest/api/3/group/user', { groupId: group.groupId }),
      auth: this.auth,
      body: { accountId },
      schema: z.unknown(),
      doing,
    });
  }

  removeFromGroup(group: GroupRef & { groupId: string }, accountId: string, doing: string): Promise<void> {
    return callAtlassian(this.transport, {
      method: 'DELETE',
      url: this.url('/rest/api/3/group/user', { groupId: group.groupId, accountId }),
      auth: this.auth,
      doing,
    });
  }
}
