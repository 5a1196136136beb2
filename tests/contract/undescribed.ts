/**
 * Every simulator response that Relink relies on but the official OpenAPI descriptions do not
 * describe, with where the behaviour comes from. The contract test fails on any response that is
 * neither valid against the spec nor listed here, and on any entry here that no case produces.
 *
 * Jira error statuses that the spec lists without a body schema (most 400/403/404/409s) are not
 * listed: they are checked against the spec's own ErrorCollection schema instead (docs/atlassian.md §3 Errors).
 */
export interface Undescribed {
  spec: 'jira' | 'org' | 'user-management';
  method: string;
  /** The request path, with {placeholders} as in the spec. */
  path: string;
  status: number;
  /** What the body is; a JSON answer never matches a `text` entry, and the reverse. */
  body: 'text' | 'json' | 'empty';
  what: string;
  source: string;
}

export const UNDESCRIBED: Undescribed[] = [
  {
    spec: 'jira',
    method: 'GET',
    path: '/rest/api/3/myself',
    status: 401,
    body: 'text',
    what: 'plain-text "Client must be authenticated to access this resource."',
    source: 'docs/atlassian.md §3 Errors [reported]',
  },
  {
    spec: 'jira',
    method: 'GET',
    path: '/rest/api/3/user',
    status: 401,
    body: 'text',
    what: 'plain-text 401, as for every Jira REST call without valid credentials',
    source: 'docs/atlassian.md §3 Errors [reported]',
  },
  {
    spec: 'jira',
    method: 'POST',
    path: '/rest/api/3/user',
    status: 403,
    body: 'text',
    what: 'plain-text "XSRF check failed" (the JSON 403 for a missing permission is validated as ErrorCollection)',
    source: 'docs/atlassian.md §3 Errors, §4 XSRF [doc][reported]',
  },
  {
    spec: 'jira',
    method: 'POST',
    path: '/rest/api/3/group/user',
    status: 415,
    body: 'json',
    what: 'a write whose body is not application/json',
    source: 'docs/atlassian.md §4 XSRF [doc: JSON bodies]; status [assumed]',
  },
  {
    spec: 'jira',
    method: 'GET',
    path: '/rest/api/3/users/search',
    status: 429,
    body: 'json',
    what: 'burst rate limit with Retry-After and X-RateLimit-* headers; any call may answer it',
    source: 'docs/atlassian.md §3 Rate limits [doc]',
  },
  {
    spec: 'jira',
    method: 'PUT',
    path: '/rest/api/3/user',
    status: 500,
    body: 'json',
    what: 'there is no PUT /user on Cloud; updating a user fails with an internal server error',
    source: 'docs/atlassian.md §3 [spec: no such operation][reported]',
  },
  {
    spec: 'jira',
    method: 'GET',
    path: '/_edge/tenant_info',
    status: 200,
    body: 'json',
    what: '{"cloudId": …}: maps a site to its cloudId',
    source: 'docs/atlassian.md §3 [doc]',
  },
  {
    spec: 'org',
    method: 'GET',
    path: '/admin/v2/orgs/{orgId}/directories/{directoryId}/users',
    status: 200,
    body: 'json',
    what: 'v2 directory users with status/accountStatus/membershipStatus and links.next cursor paging; the 2023 spec is v1 only',
    source: 'docs/atlassian.md §5 [reported: generated client of the official spec]',
  },
  {
    spec: 'org',
    method: 'GET',
    path: '/admin/v2/orgs/{orgId}/directories/{directoryId}/users',
    status: 401,
    body: 'json',
    what: 'gateway error {code, message} without the org key',
    source: 'docs/atlassian.md §5 Errors [spec: ProxyError shape]',
  },
  {
    spec: 'org',
    method: 'POST',
    path: '/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore',
    status: 200,
    body: 'json',
    what: 'restore reverses a suspension',
    source: 'docs/atlassian.md §5 [doc]',
  },
  {
    spec: 'org',
    method: 'POST',
    path: '/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/restore',
    status: 400,
    body: 'json',
    what: 'restore of a user who is not suspended: {errors:[{code, title, detail}]}',
    source: 'docs/atlassian.md §5 [doc]; code [assumed]',
  },
  {
    spec: 'org',
    method: 'POST',
    path: '/admin/v1/orgs/{orgId}/directory/users/{accountId}/restore-access',
    status: 410,
    body: 'json',
    what: 'v1 user/group writes retired on 30 June 2026; 410 Gone',
    source: 'docs/atlassian.md §5 [reported]; status [assumed]',
  },
];

/**
 * Fields the simulator sends that the spec's schema leaves out of a body it otherwise describes
 * (and forbids as additional properties there). The contract test removes each listed field
 * before validating, and fails on an entry no case produces.
 */
export interface UndescribedField {
  spec: Undescribed['spec'];
  method: string;
  path: string;
  status: number;
  /** Where in the body: `records[].authorAccountId` is that field of every element of `records`. */
  field: string;
  what: string;
  source: string;
}

export const UNDESCRIBED_FIELDS: UndescribedField[] = [
  {
    spec: 'jira',
    method: 'GET',
    path: '/rest/api/3/auditing/record',
    status: 200,
    field: 'records[].authorAccountId',
    what: 'who made the change: AuditRecordBean omits it, though the operation’s own example carries it and authorKey is deprecated in its favour',
    source: 'docs/atlassian.md §9 [spec: the example; authorKey’s description]',
  },
];

/** The body without the listed field, and whether it was there. */
export function withoutField(body: unknown, field: string): { body: unknown; found: boolean } {
  const copy: unknown = structuredClone(body);
  let found = false;
  const walk = (node: unknown, parts: string[]): void => {
    const [head, ...rest] = parts;
    if (head === undefined || !node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    const each = head.endsWith('[]');
    const key = each ? head.slice(0, -2) : head;
    if (rest.length === 0 && !each) {
      if (key in record) found = true;
      Reflect.deleteProperty(record, key);
      return;
    }
    const next = record[key];
    if (each && Array.isArray(next)) for (const item of next) walk(item, rest);
    else walk(next, rest);
  };
  walk(copy, field.split('.'));
  return { body: copy, found };
}
