/**
 * Contract test: every operation Relink uses, answered by the simulator in each way Relink must
 * handle, is checked against the official OpenAPI descriptions (Ajv), or found in UNDESCRIBED.
 * Request bodies the cases send are checked against the spec too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../sim/server';
import { basic, JSON_WRITE, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';
import { checkRequestBody, checkResponse, specPath, type SpecName } from './openapi';
import { UNDESCRIBED, UNDESCRIBED_FIELDS, withoutField } from './undescribed';

const admin = basic(TINY.admin.email, TINY.admin.token);
const viewer = basic(TINY.viewer.email, TINY.viewer.token);
const bearer = { authorization: `Bearer ${TINY.orgKey}` };
const write = { ...JSON_WRITE, ...admin };
const S = TINY.site;
const ORG = `${TINY.api}/admin/v2/orgs/${TINY.orgId}`;

interface Case {
  spec: SpecName;
  method: string;
  url: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The case sends a request the spec forbids on purpose (to provoke an error answer). */
  invalidRequest?: true;
  before?: (sim: Simulator) => void;
}

const CASES: Case[] = [
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/users/search?maxResults=1000`, status: 200, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/users?maxResults=5`, status: 200, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/users/search?startAt=x`, status: 400, headers: admin },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/users/search?maxResults=500`,
    status: 409,
    headers: admin,
    before: (s) => s.state.setFaults({ usersSearchTimeoutAbove: 100 }),
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/users/search`,
    status: 429,
    headers: admin,
    before: (s) => s.state.setFaults({ rateLimit: { requestsPerSecond: 0.001, burst: 1 }, failures: [] }),
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/user?accountId=${TINY.ids.ann}&expand=groups,applicationRoles`,
    status: 200,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/user?accountId=${TINY.ids.former}`,
    status: 200,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/user?accountId=${TINY.ids.app}&expand=groups`,
    status: 200,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/user?accountId=5b10ac8d82e05b22cc7dffff`,
    status: 404,
    headers: admin,
  },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/user?accountId=${TINY.ids.ann}`, status: 401 },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/user/search?query=a`, status: 200, headers: admin },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/user/groups?accountId=${TINY.ids.ann}`,
    status: 200,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/user/groups?accountId=5b10ac8d82e05b22cc7dffff`,
    status: 404,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/group/member?groupId=${TINY.groups.software}&includeInactiveUsers=true&maxResults=2`,
    status: 200,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/group/member?groupId=00000000-0000-4000-8000-000000000000`,
    status: 404,
    headers: admin,
  },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/group/bulk?maxResults=2`, status: 200, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/applicationrole`, status: 200, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/applicationrole`, status: 403, headers: viewer },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/myself?expand=groups`, status: 200, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/myself`, status: 401 },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/mypermissions?permissions=ADMINISTER,USER_PICKER`,
    status: 200,
    headers: admin,
  },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/mypermissions`, status: 400, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/mypermissions?permissions=NOPE`, status: 404, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/serverInfo`, status: 200, headers: admin },
  { spec: 'jira', method: 'GET', url: `${S}/_edge/tenant_info`, status: 200 },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/user`,
    status: 201,
    headers: write,
    body: { emailAddress: 'rae@tiny.example.com', products: ['jira-software'] },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/user`,
    status: 400,
    headers: write,
    body: { emailAddress: 'hal@tiny.example.com' },
    invalidRequest: true,
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/user`,
    status: 400,
    headers: write,
    body: { emailAddress: 'hal@tiny.example.com', products: ['jira-servicedesk'] },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/user`,
    status: 403,
    headers: { ...JSON_WRITE, ...viewer },
    body: { emailAddress: 'hal@tiny.example.com', products: ['jira-software'] },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/user`,
    status: 403,
    headers: { ...write, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    body: { emailAddress: 'hal@tiny.example.com', products: ['jira-software'] },
  },
  {
    spec: 'jira',
    method: 'PUT',
    url: `${S}/rest/api/3/user?accountId=${TINY.ids.rae}`,
    status: 500,
    headers: write,
    body: { active: true },
  },
  {
    spec: 'jira',
    method: 'DELETE',
    url: `${S}/rest/api/3/user?accountId=${TINY.ids.dee}`,
    status: 204,
    headers: write,
  },
  {
    spec: 'jira',
    method: 'DELETE',
    url: `${S}/rest/api/3/user?accountId=5b10ac8d82e05b22cc7dffff`,
    status: 404,
    headers: write,
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`,
    status: 201,
    headers: write,
    body: { accountId: TINY.viewer.accountId },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`,
    status: 404,
    headers: write,
    body: { accountId: TINY.ids.hal },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${TINY.ext}/rest/api/3/group/user?groupId=${TINY.groups.extSoftware}`,
    status: 400,
    headers: write,
    body: { accountId: TINY.ids.eve },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`,
    status: 403,
    headers: { ...JSON_WRITE, ...viewer },
    body: { accountId: TINY.ids.hal },
  },
  {
    spec: 'jira',
    method: 'POST',
    url: `${S}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`,
    status: 415,
    headers: { ...admin, 'x-atlassian-token': 'no-check', 'content-type': 'text/plain' },
    body: JSON.stringify({ accountId: TINY.viewer.accountId }),
  },
  {
    spec: 'jira',
    method: 'DELETE',
    url: `${S}/rest/api/3/group/user?groupId=${TINY.groups.alpha}&accountId=${TINY.ids.ann}`,
    status: 200,
    headers: write,
  },
  {
    spec: 'jira',
    method: 'DELETE',
    url: `${S}/rest/api/3/group/user?groupId=${TINY.groups.alpha}&accountId=${TINY.ids.hal}`,
    status: 400,
    headers: write,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/auditing/record?filter=${TINY.ids.rae}&limit=50`,
    status: 200,
    headers: admin,
  },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/auditing/record?offset=1&limit=1&from=2026-01-01T00:00:00.000%2B0000`,
    status: 200,
    headers: admin,
  },
  { spec: 'jira', method: 'GET', url: `${S}/rest/api/3/auditing/record`, status: 403, headers: viewer },
  {
    spec: 'jira',
    method: 'GET',
    url: `${S}/rest/api/3/auditing/record`,
    status: 403,
    headers: admin,
    before: (s) => s.state.setFaults({ auditLog: { enabled: false } }),
  },
  { spec: 'org', method: 'GET', url: `${TINY.api}/admin/v1/orgs`, status: 200, headers: bearer },
  {
    spec: 'org',
    method: 'GET',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/events?action=product_access_revoked&from=0`,
    status: 200,
    headers: bearer,
  },
  { spec: 'org', method: 'GET', url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/events`, status: 401 },
  {
    spec: 'org',
    method: 'GET',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/events?cursor=bm9wZQ`,
    status: 400,
    headers: bearer,
  },
  {
    spec: 'org',
    method: 'GET',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/events?from=yesterday`,
    status: 400,
    headers: bearer,
  },
  {
    spec: 'org',
    method: 'GET',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/directory/users/${TINY.ids.rae}/last-active-dates`,
    status: 200,
    headers: bearer,
  },
  {
    spec: 'org',
    method: 'GET',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/directory/users/5b10ac8d82e05b22cc7dffff/last-active-dates`,
    status: 404,
    headers: bearer,
  },
  {
    spec: 'org',
    method: 'GET',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/directory/users/${TINY.ids.rae}/last-active-dates`,
    status: 401,
  },
  {
    spec: 'org',
    method: 'POST',
    url: `${ORG}/workspaces`,
    status: 200,
    headers: { ...bearer, 'content-type': 'application/json' },
    body: { limit: 20 },
  },
  { spec: 'org', method: 'GET', url: `${ORG}/directories/-/users?limit=5`, status: 200, headers: bearer },
  { spec: 'org', method: 'GET', url: `${ORG}/directories/-/users`, status: 401 },
  {
    spec: 'org',
    method: 'POST',
    url: `${ORG}/directories/-/users/${TINY.ids.sue}/restore`,
    status: 200,
    headers: bearer,
  },
  {
    spec: 'org',
    method: 'POST',
    url: `${ORG}/directories/-/users/${TINY.ids.rae}/restore`,
    status: 400,
    headers: bearer,
  },
  {
    spec: 'org',
    method: 'POST',
    url: `${TINY.api}/admin/v1/orgs/${TINY.orgId}/directory/users/${TINY.ids.sue}/restore-access`,
    status: 410,
    headers: bearer,
  },
  {
    spec: 'user-management',
    method: 'POST',
    url: `${TINY.api}/users/${TINY.ids.dee}/manage/lifecycle/enable`,
    status: 204,
    headers: bearer,
  },
  {
    spec: 'user-management',
    method: 'POST',
    url: `${TINY.api}/users/${TINY.ids.rae}/manage/lifecycle/enable`,
    status: 403,
    headers: bearer,
  },
  {
    spec: 'user-management',
    method: 'POST',
    url: `${TINY.api}/users/5b10ac8d82e05b22cc7dffff/manage/lifecycle/enable`,
    status: 404,
    headers: bearer,
  },
  {
    spec: 'user-management',
    method: 'POST',
    url: `${TINY.api}/users/${TINY.ids.dee}/manage/lifecycle/disable`,
    status: 401,
  },
];

function templateOf(spec: SpecName, path: string): string {
  return specPath(spec, path) ?? path;
}

const usedUndescribed = new Set<number>();
const usedFields = new Set<number>();

describe('simulator responses conform to the official OpenAPI descriptions', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it.each(CASES.map((c) => [`${c.method} ${c.url.replace(/^https:\/\/[^/]+/, '')} → ${c.status}`, c] as const))(
    '%s',
    async (_name, c) => {
      c.before?.(sim());
      if (c.status === 429) await simRequest(sim(), c.url, { headers: c.headers }); // spend the only token
      const body = c.body === undefined ? undefined : typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
      const reply = await simRequest(sim(), c.url, { method: c.method, headers: c.headers, body });
      expect(reply.status, reply.text.slice(0, 300)).toBe(c.status);

      const url = new URL(c.url);
      const fullPath = url.pathname;
      const isJson = String(reply.headers['content-type'] ?? '').includes('application/json');
      const bodyKind = reply.text === '' ? 'empty' : isJson ? 'json' : 'text';
      const listed = UNDESCRIBED.findIndex(
        (u) =>
          u.spec === c.spec &&
          u.method === c.method &&
          u.status === c.status &&
          u.body === bodyKind &&
          templateMatches(u.path, fullPath),
      );

      if (c.body !== undefined && typeof c.body === 'object' && c.method !== 'PUT') {
        const request = checkRequestBody(c.spec, c.method, fullPath, c.body);
        if (c.invalidRequest) expect(request.kind).toBe('invalid');
        else expect(request.kind === 'valid' || request.kind === 'undescribed', JSON.stringify(request)).toBe(true);
      }

      if (listed >= 0) {
        usedUndescribed.add(listed);
        return;
      }
      if (!isJson) {
        expect(
          reply.text,
          `${c.method} ${fullPath} ${c.status}: a non-JSON answer must be listed in undescribed.ts`,
        ).toBe('');
        expect(
          checkResponse(c.spec, c.method, fullPath, c.status, undefined).kind === 'undescribed'
            ? statusDeclared(c, fullPath)
            : true,
        ).toBe(true);
        return;
      }
      let answer = reply.json();
      for (const [i, f] of UNDESCRIBED_FIELDS.entries()) {
        if (f.spec !== c.spec || f.method !== c.method || f.status !== c.status || !templateMatches(f.path, fullPath))
          continue;
        const stripped = withoutField(answer, f.field);
        if (stripped.found) usedFields.add(i);
        answer = stripped.body;
      }
      const verdict = checkResponse(c.spec, c.method, fullPath, c.status, answer);
      if (verdict.kind === 'undescribed' && c.spec === 'jira' && c.status >= 400 && statusDeclared(c, fullPath)) {
        const errorVerdict = checkErrorCollection(reply.json());
        expect(errorVerdict, `${c.method} ${fullPath} ${c.status} as ErrorCollection`).toBe(true);
        return;
      }
      expect(verdict, `${c.method} ${templateOf(c.spec, fullPath)} ${c.status}`).toEqual({ kind: 'valid' });
    },
  );

  afterAll(() => {
    const unusedFields = UNDESCRIBED_FIELDS.filter((_, i) => !usedFields.has(i));
    if (usedUndescribed.size > 0 && unusedFields.length > 0)
      throw new Error(
        `undescribed.ts lists fields no contract case sends: ${unusedFields.map((f) => f.field).join(', ')}`,
      );
    const unused = UNDESCRIBED.filter((_, i) => !usedUndescribed.has(i));
    if (usedUndescribed.size > 0 && unused.length > 0) {
      throw new Error(
        `undescribed.ts lists responses no contract case produces: ${unused.map((u) => `${u.method} ${u.path} ${u.status}`).join(', ')}`,
      );
    }
  });
});

function templateMatches(template: string, path: string): boolean {
  const re = new RegExp(
    `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{[^}]+\\\}|\{[^}]+\}/g, '[^/]+')}$`,
  );
  return re.test(path);
}

/** The spec lists this status for the operation (perhaps without a body schema). */
function statusDeclared(c: Case, path: string): boolean {
  const verdict = checkResponse(c.spec, c.method, path, c.status, undefined);
  return verdict.kind !== 'undescribed' || /has no JSON schema/.test(verdict.reason);
}

function checkErrorCollection(body: unknown): boolean {
  return checkResponse('jira', 'GET', '/rest/api/3/mypermissions', 400, body).kind === 'valid';
}
