/**
 * The read-only field check (Options › Field check, operation `site/field-check`): the GETs Relink
 * depends on, each answer compared with what Relink expects — its shape (zod), which fields came
 * with which types, the paging fields, the rate-limit headers and their formats, and anything else
 * Relink noticed. It writes nothing: no write to Atlassian (only GETs; with an org key, finding the
 * key's sites is the workspaces query every operation makes), nothing stored.
 *
 * The report holds no name, email, id, group name or URL: request paths name their ids as
 * placeholders, values are reduced to their JSON types, and only enumerations (account types and
 * statuses) and header formats are kept as they came. docs/atlassian.md §8 lists what it can find.
 */
import { z } from 'zod';
import { isAtlassianError } from '../atlassian/errors';
import { AuditRecordSchema } from '../atlassian/record-schemas';
import type { RawAnswer } from '../atlassian/http';
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import {
  ApplicationRoleSchema,
  DirectoryPageSchema,
  DirectoryUserSchema,
  GroupBulkPageSchema,
  GroupMemberPageSchema,
  GroupRefSchema,
  JiraUserSchema,
  MemberRefSchema,
  PermissionsSchema,
  TenantInfoSchema,
  type GroupRef,
} from '../atlassian/schemas';
import { FIELD_REPORT_FORMAT, type FieldCheck, type FieldReport } from '../domain/field-report';
import { AUDIT_FILTER } from '../engine/audit-wording';
import { auditWording, countValue, noticeAuditWording } from './field-check-audit';

type JsonType = FieldCheck['fields'][string][number];

interface Spec {
  id: string;
  request: string;
  expected: string;
  answer: () => Promise<RawAnswer>;
  /** The whole answer, as Relink reads it. */
  schema: z.ZodType;
  /** Where the records are (`''`: the answer is the list), and each one's schema. */
  records?: { at: string; schema: z.ZodType };
  /** Fields Relink reads: one a record (or the answer) lacks is noted `missing`, even when all lack it. */
  reads?: string[];
  /** Statuses Relink can do without (the audit log: off, or not allowed). */
  tolerate?: number[];
  paging?: (json: unknown, records: unknown[]) => FieldCheck['paging'];
  notice?: (json: unknown, records: unknown[], values: FieldCheck['values']) => string[];
  /** Values to count beyond the enumerations, each already reduced to what the report may hold. */
  tally?: (records: unknown[]) => FieldCheck['values'];
}

const USERS_PAGE = 1000;
const GROUPS_PAGE = 50;
const DIRECTORY_PAGE = 100;
/** Audit records read for their wording: the newest, as a page load's check reads them. */
const AUDIT_PAGE = 100;
/** Fields whose values are an enumeration: a value of its vocabulary (in any case) is kept as it came, any other is `<other>`. */
const ENUMERATIONS = new Map([
  ['accountType', new Set(['atlassian', 'app', 'customer', 'unknown'])],
  ['accountStatus', new Set(['active', 'inactive', 'closed'])],
  ['membershipStatus', new Set(['active', 'suspended', 'no_membership'])],
  ['status', new Set(['active', 'suspended', 'deactivated', 'not_invited', 'for_deletion'])],
]);
const MAX_DEPTH = 5;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const typeOf = (v: unknown): JsonType =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as 'string' | 'number' | 'boolean' | 'object');
/** A key as it may appear in the report: a field name, never something else that became a key. */
const safeKey = (key: string) => (/^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(key) ? key : '<key>');
const safeValue = (value: string, vocabulary: Set<string>) => (vocabulary.has(value.toLowerCase()) ? value : '<other>');

/** Field path → the JSON types seen there; in a list of records, `missing` where a record lacked a field others had. */
function describe(value: unknown, path: string, fields: Map<string, Set<JsonType>>, values: FieldCheck['values']) {
  const note = (p: string, t: JsonType) => {
    const seen = fields.get(p) ?? new Set<JsonType>();
    seen.add(t);
    fields.set(p, seen);
  };
  const walk = (v: unknown, p: string, depth: number) => {
    if (Array.isArray(v)) {
      const objects = v.filter(isObject);
      const keys = new Set(objects.flatMap((o) => Object.keys(o)));
      for (const item of v) {
        if (isObject(item)) {
          for (const key of keys) if (!(key in item)) note(`${p}[].${safeKey(key)}`, 'missing');
        }
        visit(item, `${p}[]`, depth + 1);
      }
      return;
    }
    if (!isObject(v) || depth > MAX_DEPTH) return;
    for (const [key, child] of Object.entries(v)) {
      const at = `${p}${p === '' || p.endsWith('.') ? '' : '.'}${safeKey(key)}`;
      visit(child, at, depth + 1);
      const vocabulary = ENUMERATIONS.get(key);
      if (vocabulary && typeof child === 'string') countValue(values, at, safeValue(child, vocabulary));
    }
  };
  const visit = (v: unknown, p: string, depth: number) => {
    note(p === '' ? '(answer)' : p, typeOf(v));
    walk(v, p, depth);
  };
  visit(value, path, 0);
}

/** A header's value reduced to its format; rate-limit reasons are a fixed vocabulary and kept. */
function headerFormat(name: string, value: string): string {
  const v = value.trim();
  switch (name) {
    case 'retry-after':
    case 'beta-retry-after':
      if (v === '0') return 'zero';
      if (/^\d+$/.test(v)) return v.length > 9 ? 'integer-huge' : 'integer-seconds';
      return Number.isNaN(Date.parse(v)) ? 'other' : 'http-date';
    case 'x-ratelimit-reset':
    case 'x-beta-ratelimit-reset':
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(?:Z|[+-]\d\d:?\d\d)$/.test(v)) return 'iso-minute';
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+/.test(v)) return 'iso-ms';
      if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(v)) return 'iso-seconds';
      return /^\d+$/.test(v) ? 'epoch' : 'other';
    case 'x-ratelimit-limit':
    case 'x-ratelimit-remaining':
    case 'x-beta-ratelimit-limit':
    case 'x-beta-ratelimit-remaining':
      return /^\d+$/.test(v) ? 'integer' : 'other';
    case 'x-ratelimit-nearlimit':
    case 'x-beta-ratelimit-nearlimit':
      return /^(true|false)$/i.test(v) ? 'boolean' : 'other';
    case 'ratelimit-reason':
    case 'x-beta-ratelimit-reason':
      return /^[a-z-]{1,40}$/.test(v) ? v : 'other';
    case 'ratelimit':
    case 'ratelimit-policy':
    case 'beta-ratelimit':
    case 'beta-ratelimit-policy':
      return 'structured';
    case 'content-type': {
      const type = (v.split(';')[0] ?? '').trim().toLowerCase();
      return /^[a-z]+\/[a-z0-9.+-]{1,30}$/.test(type) ? type : 'other';
    }
    default:
      return 'present';
  }
}

/** Header name → value format, in name order. */
function formats(headers: [string, string][]): FieldCheck['headers'] {
  const out: FieldCheck['headers'] = {};
  for (const [name, value] of [...headers].sort(([a], [b]) => a.localeCompare(b)))
    if (/^[a-z0-9-]{1,64}$/.test(name)) out[name] = headerFormat(name, value);
  return out;
}

const issuesOf = (error: z.ZodError, prefix = '') =>
  error.issues.map((i) => {
    const path = i.path.map((p) => (typeof p === 'number' ? '[]' : safeKey(String(p)))).join('.');
    return `${prefix}${path || '(answer)'}: ${i.message}`.slice(0, 200);
  });

const at = (json: unknown, path: string): unknown => (path === '' ? json : isObject(json) ? json[path] : undefined);

/** Findings about users' account types and groups' ids, wherever they came. */
function noticeRecords(values: FieldCheck['values'], fields: FieldCheck['fields']): string[] {
  const notes: string[] = [];
  for (const [path, counts] of Object.entries(values)) {
    if (!path.endsWith('accountType')) continue;
    const odd = Object.keys(counts).filter((t) => t !== t.toLowerCase());
    if (odd.length) notes.push(`${path} not in lower case: ${odd.join(', ')} (Relink matches any case)`);
  }
  for (const [path, types] of Object.entries(fields)) {
    if (path.endsWith('accountType') && types.includes('missing'))
      notes.push(`${path} missing in some records (Relink lists such users for review)`);
    if (path.endsWith('groupId') && types.includes('null'))
      notes.push(`${path} null for some groups (Relink reads them by name)`);
  }
  return notes;
}

function noticeHeaders(headers: FieldCheck['headers']): string[] {
  const notes: string[] = [];
  if (headers['x-ratelimit-reset'] === 'iso-minute') notes.push('X-RateLimit-Reset given to the minute');
  if (headers['beta-retry-after']) notes.push('Beta-Retry-After present: a limit not yet enforced was passed');
  if (headers['x-ratelimit-nearlimit'] && !headers['x-ratelimit-remaining'])
    notes.push('X-RateLimit-NearLimit without X-RateLimit-Remaining (a cost budget)');
  return notes;
}

/** Findings about a refusal's headers: what the wait was said as. */
function noticeRefusal(headers: FieldCheck['headers']): string[] {
  const retryAfter = headers['retry-after'];
  if (retryAfter === 'zero') return ['a refusal said Retry-After: 0'];
  if (retryAfter === 'integer-huge') return ['a refusal said a Retry-After too long to wait'];
  if (retryAfter === undefined) return ['a refusal without Retry-After'];
  return [];
}

async function check(spec: Spec): Promise<{ result: FieldCheck; json: unknown; records: unknown[] }> {
  const base = { id: spec.id, request: spec.request, expected: spec.expected };
  let answer: RawAnswer;
  try {
    answer = await spec.answer();
  } catch (error) {
    const kind = isAtlassianError(error) ? error.kind : 'failed';
    return {
      result: {
        ...base,
        status: null,
        outcome: 'failed',
        shape: { ok: false, issues: [] },
        records: null,
        fields: {},
        values: {},
        paging: {},
        headers: {},
        refused: [],
        unexpected: [`no answer (${kind})`],
      },
      json: undefined,
      records: [],
    };
  }
  const headers = formats(answer.headers);
  const refused = answer.refused.slice(0, 6).map((r) => ({ status: r.status, headers: formats(r.headers) }));
  const ok = answer.status >= 200 && answer.status < 300;
  if (!ok) {
    const tolerated = spec.tolerate?.includes(answer.status) ?? false;
    return {
      result: {
        ...base,
        status: answer.status,
        outcome: tolerated ? 'tolerated' : 'failed',
        shape: { ok: false, issues: [] },
        records: null,
        fields: {},
        values: {},
        paging: {},
        headers,
        refused,
        unexpected: tolerated ? [] : [`answered ${answer.status}`],
      },
      json: undefined,
      records: [],
    };
  }
  const { json } = answer;
  const parsed = spec.schema.safeParse(json);
  const issues = parsed.success ? [] : issuesOf(parsed.error);
  const list = spec.records ? at(json, spec.records.at) : undefined;
  const records = Array.isArray(list) ? (list as unknown[]) : [];
  let rejected = 0;
  if (spec.records)
    for (const record of records) {
      const one = spec.records.schema.safeParse(record);
      if (one.success) continue;
      rejected++;
      if (issues.length < 20)
        issues.push(...issuesOf(one.error, `${spec.records.at || ''}[].`).slice(0, 20 - issues.length));
    }
  const fields = new Map<string, Set<JsonType>>();
  const values: FieldCheck['values'] = {};
  if (json !== undefined) describe(json, '', fields, values);
  Object.assign(values, spec.tally?.(records));
  const prefix = spec.records ? `${spec.records.at}[].` : '';
  for (const record of spec.records ? records : [json])
    for (const field of spec.reads ?? [])
      if (isObject(record) && !(field in record))
        fields.set(`${prefix}${field}`, new Set([...(fields.get(`${prefix}${field}`) ?? []), 'missing' as const]));
  const fieldTypes = Object.fromEntries(
    [...fields].sort(([a], [b]) => a.localeCompare(b)).map(([p, t]) => [p, [...t].sort()]),
  ) as FieldCheck['fields'];
  const unexpected = [
    ...new Set([
      ...(json === undefined
        ? [answer.empty ? 'an empty answer' : `not JSON (${headers['content-type'] ?? 'no type'})`]
        : []),
      ...(rejected > 0 ? [`${rejected} of ${records.length} records in a shape Relink cannot use`] : []),
      ...noticeRecords(values, fieldTypes),
      ...noticeHeaders(headers),
      ...refused.flatMap((r) => noticeRefusal(r.headers)),
      ...(spec.notice?.(json, records, values) ?? []),
    ]),
  ].slice(0, 30);
  const shapeOk = issues.length === 0 && json !== undefined;
  return {
    result: {
      ...base,
      status: answer.status,
      outcome: shapeOk && unexpected.length === 0 ? 'as-expected' : 'differs',
      shape: { ok: shapeOk, issues: issues.slice(0, 20) },
      records: spec.records ? { count: records.length, rejected } : null,
      fields: fieldTypes,
      values,
      paging: spec.paging?.(json, records) ?? {},
      headers,
      refused,
      unexpected,
    },
    json,
    records,
  };
}

/** A PageBean's paging fields, by presence and value (numbers only: never the URLs). */
function pageBean(asked: number) {
  return (json: unknown, records: unknown[]): FieldCheck['paging'] => {
    const page = isObject(json) ? json : {};
    const num = (v: unknown) => (typeof v === 'number' ? v : v === undefined ? 'missing' : `<${typeOf(v)}>`);
    return {
      asked,
      returned: records.length,
      startAt: num(page.startAt),
      maxResults: num(page.maxResults),
      total: num(page.total),
      isLast: typeof page.isLast === 'boolean' ? page.isLast : page.isLast === undefined ? 'missing' : 'other',
      nextPage: page.nextPage === undefined ? 'missing' : 'present',
    };
  };
}

function noticePageBean(json: unknown, records: unknown[]): string[] {
  const page = isObject(json) ? json : {};
  const notes: string[] = [];
  if (page.isLast === undefined) notes.push('isLast missing (Relink then goes by nextPage, then by a short page)');
  if (page.total === undefined) notes.push('total missing');
  else if (
    typeof page.total === 'number' &&
    typeof page.startAt === 'number' &&
    page.total < page.startAt + records.length
  )
    notes.push('total smaller than the records seen (Relink goes by isLast)');
  return notes;
}

export interface FieldCheckDeps {
  jira: JiraClient;
  /** The org API, when an org key is set for the site's org. */
  org: OrgClient | null;
  auth: FieldReport['auth'];
  now?: () => number;
}

export async function checkFields({ jira, org, auth, now = Date.now }: FieldCheckDeps): Promise<FieldReport> {
  const checks: FieldCheck[] = [];
  const add = async (spec: Spec) => {
    const done = await check(spec);
    checks.push(done.result);
    return done;
  };

  await add({
    id: 'tenant-info',
    request: 'GET /_edge/tenant_info',
    expected: 'the site’s cloudId',
    answer: () => jira.inspect('/_edge/tenant_info'),
    schema: TenantInfoSchema,
  });
  const me = await add({
    id: 'myself',
    request: 'GET /rest/api/3/myself?expand=groups',
    expected: 'the signed-in user, with accountId, active and groups',
    answer: () => jira.inspect('/rest/api/3/myself', { expand: 'groups' }),
    schema: JiraUserSchema,
    reads: ['accountId', 'accountType', 'active', 'groups'],
  });
  await add({
    id: 'mypermissions',
    request: 'GET /rest/api/3/mypermissions?permissions=ADMINISTER,USER_PICKER',
    expected: 'havePermission for each permission asked',
    answer: () => jira.inspect('/rest/api/3/mypermissions', { permissions: 'ADMINISTER,USER_PICKER' }),
    schema: PermissionsSchema,
  });
  const roles = await add({
    id: 'applicationrole',
    request: 'GET /rest/api/3/applicationrole',
    expected: 'the products, each with key and defaultGroups',
    answer: () => jira.inspect('/rest/api/3/applicationrole'),
    schema: z.array(z.unknown()),
    records: { at: '', schema: ApplicationRoleSchema },
  });
  const users = await add({
    id: 'users-search',
    request: `GET /rest/api/3/users/search?startAt=0&maxResults=${USERS_PAGE}`,
    expected: 'a JSON array of users (accountId, accountType, active), up to the page size asked',
    answer: () => jira.inspect('/rest/api/3/users/search', { startAt: 0, maxResults: USERS_PAGE }),
    schema: z.array(z.unknown()),
    records: { at: '', schema: JiraUserSchema },
    reads: ['accountId', 'accountType', 'active'],
    paging: (_json, records) => ({ asked: USERS_PAGE, returned: records.length }),
  });
  const first = users.records.length;
  if (first > 0 && first < USERS_PAGE) {
    // A short first page is the end, or a page-size cap: the next page tells.
    await add({
      id: 'users-search-next',
      request: `GET /rest/api/3/users/search?startAt={returned}&maxResults=${USERS_PAGE}`,
      expected: 'an empty array if the first page held everyone',
      answer: () => jira.inspect('/rest/api/3/users/search', { startAt: first, maxResults: USERS_PAGE }),
      schema: z.array(z.unknown()),
      records: { at: '', schema: JiraUserSchema },
      reads: ['accountId', 'accountType', 'active'],
      paging: (_json, records) => ({ asked: USERS_PAGE, startAt: first, returned: records.length }),
      notice: (_json, records) =>
        records.length > 0
          ? [`users/search served ${first} where ${USERS_PAGE} were asked, and more came after: a page-size cap`]
          : [],
    });
  }
  const groups = await add({
    id: 'group-bulk',
    request: `GET /rest/api/3/group/bulk?startAt=0&maxResults=${GROUPS_PAGE}`,
    expected: 'a page of groups (name, groupId) with isLast',
    answer: () => jira.inspect('/rest/api/3/group/bulk', { startAt: 0, maxResults: GROUPS_PAGE }),
    schema: GroupBulkPageSchema,
    records: { at: 'values', schema: GroupRefSchema },
    reads: ['name', 'groupId'],
    paging: pageBean(GROUPS_PAGE),
    notice: noticePageBean,
  });

  // The group to read members of: a product's default group (the largest, likely), else the first.
  const known = groups.records.map((g) => GroupRefSchema.safeParse(g)).flatMap((g) => (g.success ? [g.data] : []));
  const defaults = roles.records.flatMap((r) => {
    const role = ApplicationRoleSchema.safeParse(r);
    return role.success ? (role.data.defaultGroups ?? []) : [];
  });
  const group: GroupRef | undefined = known.find((g) => defaults.includes(g.name)) ?? known[0];
  if (group) {
    await add({
      id: 'group-member',
      request: `GET /rest/api/3/group/member?${group.groupId ? 'groupId={groupId}' : 'groupname={groupName}'}&includeInactiveUsers=true&startAt=0&maxResults=${GROUPS_PAGE}`,
      expected: 'a page of members (accountId) with isLast',
      answer: () =>
        jira.inspect('/rest/api/3/group/member', {
          ...(group.groupId ? { groupId: group.groupId } : { groupname: group.name }),
          includeInactiveUsers: true,
          startAt: 0,
          maxResults: GROUPS_PAGE,
        }),
      schema: GroupMemberPageSchema,
      records: { at: 'values', schema: MemberRefSchema },
      reads: ['accountId', 'accountType', 'active'],
      paging: pageBean(GROUPS_PAGE),
      notice: noticePageBean,
    });
  }

  // The user to read with groups: an inactive person (what Relink reads for hidden users), else the admin.
  const people = users.records.flatMap((u) => {
    const user = JiraUserSchema.safeParse(u);
    return user.success ? [user.data] : [];
  });
  const meId = isObject(me.json) && typeof me.json.accountId === 'string' ? me.json.accountId : null;
  const subject =
    people.find((u) => !u.active && (u.accountType === 'atlassian' || u.accountType === 'missing'))?.accountId ?? meId;
  if (subject) {
    await add({
      id: 'user-groups',
      request: 'GET /rest/api/3/user?accountId={accountId}&expand=groups,applicationRoles',
      expected: 'one user with groups.items (name, groupId)',
      answer: () => jira.inspect('/rest/api/3/user', { accountId: subject, expand: 'groups,applicationRoles' }),
      schema: JiraUserSchema,
      reads: ['accountId', 'accountType', 'active', 'groups'],
    });
  }

  await add({
    id: 'audit-record',
    request: `GET /rest/api/3/auditing/record?filter=${AUDIT_FILTER}&limit=${AUDIT_PAGE}`,
    expected:
      'a page of audit records (offset, limit, total, records) worded as Relink reads them; 403 or 404 where it is off or not allowed',
    answer: () => jira.inspect('/rest/api/3/auditing/record', { filter: AUDIT_FILTER, limit: AUDIT_PAGE }),
    schema: z.object({
      offset: z.number().optional(),
      limit: z.number().optional(),
      total: z.number().optional(),
      records: z.array(z.unknown()),
    }),
    records: { at: 'records', schema: AuditRecordSchema },
    tolerate: [403, 404],
    tally: auditWording,
    notice: (_json, _records, values) => noticeAuditWording(values),
    paging: (json, records) => {
      const page = isObject(json) ? json : {};
      const num = (v: unknown) => (typeof v === 'number' ? v : v === undefined ? 'missing' : `<${typeOf(v)}>`);
      return {
        asked: AUDIT_PAGE,
        returned: records.length,
        offset: num(page.offset),
        limit: num(page.limit),
        total: num(page.total),
      };
    },
  });

  if (org) {
    await add({
      id: 'org-directory',
      request: `GET /admin/v2/orgs/{orgId}/directories/-/users?limit=${DIRECTORY_PAGE}`,
      expected: 'a page of directory users (accountId, accountStatus, membershipStatus) with links.next',
      answer: () => org.inspectDirectory(DIRECTORY_PAGE),
      schema: DirectoryPageSchema,
      records: { at: 'data', schema: DirectoryUserSchema },
      reads: ['accountId', 'accountStatus', 'membershipStatus'],
      paging: (json, records) => {
        const links = isObject(json) && isObject(json.links) ? json.links : {};
        return {
          asked: DIRECTORY_PAGE,
          returned: records.length,
          next: links.next === undefined ? 'missing' : 'present',
        };
      },
    });
  }

  return {
    format: FIELD_REPORT_FORMAT,
    checkedOn: new Date(now()).toISOString().slice(0, 10),
    auth,
    orgKey: org !== null,
    checks,
  };
}
